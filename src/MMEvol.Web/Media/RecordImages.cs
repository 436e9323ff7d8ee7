using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Formats;
using MMEvol.Core.Llm;
using MMEvol.Core.Storage;

namespace MMEvol.Web.Media;

/// <summary>
/// Finds a record's image through the store (ImageLocator, which keeps paths inside their root), so
/// nothing in a request can name a file; makes its UI thumbnail once and keeps it under thumbs/ui-256.
/// </summary>
internal sealed class RecordImages(IDbContextFactory<WorkbenchDb> factory, DataDirectory data, ILogger<RecordImages> logger)
{
    public const int ThumbnailSide = 256;

    private readonly PreparedImages _thumbnails = new(Path.Combine(data.Thumbnails, "ui-256"), ImageLimits.Default, ThumbnailSide);

    /// <returns>Null for an unknown record, a text-only one, or one whose file is gone or unsafe.</returns>
    public async Task<RecordImage?> FindAsync(int recordId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var record = await db.Records.AsNoTracking().Include(r => r.Dataset).SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record?.Dataset is null || !record.HasImage)
            return null;
        string? path;
        try
        {
            path = ImageLocator.Resolve(data, record.Dataset, record);
        }
        catch (InvalidRecordException e)
        {
            logger.LogWarning("Image of record {RecordId} refused: {Reason}", recordId, e.Message);
            return null;
        }
        if (path is null || !File.Exists(path))
        {
            logger.LogWarning("Image of record {RecordId} is missing at {ImagePath}", recordId, path);
            return null;
        }
        return new RecordImage(record.Id, path, record.Sha256);
    }

    /// <summary>The MIME type of the file's content (its first bytes), never of its name; null when it is no supported image.</summary>
    public string? ContentType(RecordImage image)
    {
        Span<byte> head = stackalloc byte[32];
        int read;
        using (var stream = File.OpenRead(image.Path))
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        try
        {
            return ImageSniffer.Format(head[..read]) switch
            {
                "PNG" => "image/png",
                "JPEG" => "image/jpeg",
                "GIF" => "image/gif",
                "BMP" => "image/bmp",
                "WEBP" => "image/webp",
                _ => null,
            };
        }
        catch (InvalidRecordException e)
        {
            logger.LogWarning("Image of record {RecordId} is no longer a supported image: {Reason}", image.RecordId, e.Message);
            return null;
        }
    }

    /// <returns>The JPEG thumbnail, or null when the file cannot be decoded (logged).</returns>
    public byte[]? Thumbnail(RecordImage image)
    {
        try
        {
            return _thumbnails.Jpeg(image.Path, image.Sha256);
        }
        catch (Core.WorkbenchException e)
        {
            logger.LogWarning("No thumbnail for record {RecordId}: {Reason}", image.RecordId, e.Message);
            return null;
        }
    }
}
