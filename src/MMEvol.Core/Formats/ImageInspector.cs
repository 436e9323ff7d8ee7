using System.Security.Cryptography;
using SixLabors.ImageSharp;

namespace MMEvol.Core.Formats;

/// <summary>
/// Accepts an image file only after it resolved inside its root, its content was recognized as
/// a supported format, it is complete, and its header's pixel count is within limits; the
/// pixels themselves are decoded only when asked (they cost 10-100x more than the header).
/// </summary>
public sealed class ImageInspector(ImageLimits limits, bool decodePixels = false)
{
    private readonly Configuration _configuration = HardenedImaging.Create(limits);

    public ImageCheck Inspect(string root, string relativePath)
    {
        var full = ResolveInside(root, relativePath);
        var info = new FileInfo(full);
        if (!info.Exists)
            throw new InvalidRecordException("image", $"file not found: {relativePath}");
        if (info.Length > limits.MaxFileBytes)
            throw new InvalidRecordException("image", $"the file has {info.Length} bytes, over the limit of {limits.MaxFileBytes}");
        if (info.LinkTarget is not null)
            ResolveInside(root, Path.GetRelativePath(root, info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full));

        var data = File.ReadAllBytes(full);
        var format = ImageSniffer.Format(data);
        ImageSniffer.CheckComplete(format, data);
        var (width, height) = Identify(data, format);
        if ((long)width * height > limits.MaxPixels)
            throw new InvalidRecordException("image", $"the header claims {width}x{height} pixels, over the limit of {limits.MaxPixels} pixels");
        if (width <= 0 || height <= 0)
            throw new InvalidRecordException("image", $"the header claims an empty image ({width}x{height})");
        if (decodePixels)
            Decode(data, format);
        return new ImageCheck(full, Convert.ToHexStringLower(SHA256.HashData(data)), width, height, format, data.Length);
    }

    /// <summary>Refuses absolute paths and any path that leaves the root, by '..' or by a link.</summary>
    public static string ResolveInside(string root, string relativePath)
    {
        if (relativePath.Contains('\0') || Path.IsPathRooted(relativePath) || relativePath.StartsWith('\\')
            || (relativePath.Length >= 2 && relativePath[1] == ':'))
            throw new InvalidRecordException("image", $"'{relativePath}' is an absolute path; image paths must be relative to the image root");
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(rootFull, relativePath));
        if (!full.StartsWith(rootFull, StringComparison.Ordinal))
            throw new InvalidRecordException("image", $"'{relativePath}' escapes the image root");
        return full;
    }

    private (int Width, int Height) Identify(byte[] data, string format)
    {
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            var info = Image.Identify(_configuration, stream, out _)
                ?? throw new InvalidRecordException("image", $"the {format} header is unreadable");
            return (info.Width, info.Height);
        }
        catch (Exception e) when (e is not InvalidRecordException)
        {
            throw new InvalidRecordException("image", $"corrupt {format} header: {e.Message}");
        }
    }

    private void Decode(byte[] data, string format)
    {
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            using var image = Image.Load(_configuration, stream);
        }
        catch (Exception e)
        {
            throw new InvalidRecordException("image", $"corrupt {format} data: {e.Message}");
        }
    }
}
