using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using MMEvol.Core.Data;
using MMEvol.Core.Formats;

namespace MMEvol.Core.Import;

/// <summary>The state of one import: the fingerprints seen, the images checked, the open writer.</summary>
internal sealed class ImportRun(WorkbenchDb db, SqliteTransaction transaction, ImportOptions options, string root, int datasetId,
    ImportReport report, DateTimeOffset now, string? copyTo, Dictionary<string, int?> seen) : IDisposable
{
    private readonly ImageInspector _inspector = new(options.Limits, options.DecodePixels);
    private readonly ConcurrentDictionary<string, CheckedImage> _images = new(StringComparer.Ordinal);
    private readonly RecordWriter _writer = new(db, transaction);

    /// <summary>Stores a batch whose images were checked; runs on the one thread that owns the connection.</summary>
    public void Write(List<ParsedRecord> batch)
    {
        foreach (var parsed in batch)
        {
            if (parsed.Error is not null)
            {
                report.Refused.Add(parsed.Error);
                continue;
            }
            var record = parsed.Record!;
            var image = record.Image is null ? null : _images[record.Image];
            if (image?.Error is { } error)
            {
                report.Refused.Add(new RecordError(parsed.Index, parsed.Id, error.Field, error.Reason));
                continue;
            }
            if (seen.TryGetValue(parsed.Fingerprint!, out var first))
            {
                report.Duplicates.Add(new DuplicateRecord(parsed.Index, parsed.Id, first is null ? "already in the dataset" : $"record {first}"));
                continue;
            }
            seen[parsed.Fingerprint!] = parsed.Index;
            var (rounds, items) = _writer.Write(datasetId, record, parsed.Fingerprint!, image?.Check, Copy(image?.Check), now);
            report.Imported++;
            report.Rounds += rounds;
            report.Items += items;
            if (image is not null)
                report.Images++;
        }
    }

    /// <summary>Headers are read in parallel: opening files is most of their cost.</summary>
    public void CheckImages(List<ParsedRecord> batch, CancellationToken cancellationToken)
    {
        var paths = batch.Select(p => p.Record?.Image).OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(p => !_images.ContainsKey(p)).ToList();
        Parallel.ForEach(paths, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) }, path =>
        {
            try
            {
                var check = _inspector.Inspect(root, path);
                _images[path] = new CheckedImage(check, null);
            }
            catch (InvalidRecordException e)
            {
                _images[path] = new CheckedImage(null, e);
            }
        });
    }

    /// <summary>Copies made by this import: deleted again if it rolls back, so a failed import leaves no files.</summary>
    public List<string> CreatedCopies { get; } = [];

    /// <summary>Copies only the images of records that land: never for a duplicate or a refused record.</summary>
    private string? Copy(ImageCheck? image)
    {
        if (copyTo is null || image is null)
            return null;
        var (relative, created) = ImageStore.Copy(copyTo, image);
        if (created is not null)
            CreatedCopies.Add(created);
        return relative;
    }

    public void Dispose() => _writer.Dispose();

    private sealed record CheckedImage(ImageCheck? Check, InvalidRecordException? Error);
}
