using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MMEvol.Core.Data;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Import;

/// <summary>
/// Imports one file as one transaction: records stream in, each is validated on its own (a bad
/// record is refused with its field and reason, the rest land), and a file that turns out to
/// be unreadable midway leaves the store exactly as it was.
/// </summary>
public sealed class Importer(DataDirectory data, TimeProvider time, ILogger<Importer>? logger = null)
{
    private const int BatchSize = 2048;
    private readonly ILogger _logger = logger ?? NullLogger<Importer>.Instance;

    public async Task<ImportReport> ImportAsync(WorkbenchDb db, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var file = Path.GetFullPath(options.File);
        if (!File.Exists(file))
            throw new WorkbenchException($"File not found: {options.File}");
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.ImageRoot ?? Path.GetDirectoryName(file)!));
        if (options.ImageRoot is not null && !Directory.Exists(root))
            throw new WorkbenchException($"Image folder not found: {options.ImageRoot}");

        var report = new ImportReport { File = options.File, Dataset = options.Dataset };
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await ImportInTransactionAsync(db, options, file, root, report, progress, cancellationToken);
        }
        finally
        {
            // The context outlives the import (a caller may query it next): detach it from the finished transaction.
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
        report.ElapsedSeconds = Math.Round(time.GetElapsedTime(started).TotalSeconds, 3);
        _logger.LogInformation("Imported {Imported} of {Records} records ({Items} items) from {File} into {Dataset}; {Refused} refused, {Duplicates} duplicates",
            report.Imported, report.Records, report.Items, options.File, options.Dataset, report.Refused.Count, report.Duplicates.Count);
        return report;
    }

    private async Task ImportInTransactionAsync(WorkbenchDb db, ImportOptions options, string file, string root, ImportReport report,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);

        var dataset = await FindOrCreateDatasetAsync(db, options, root, cancellationToken);
        using var run = new ImportRun(db, transaction, options, root, dataset.Id, report, time.GetUtcNow(), options.Copy ? data.Images : null,
            (await db.Records.Where(r => r.DatasetId == dataset.Id).Select(r => r.Fingerprint).ToListAsync(cancellationToken))
                .ToDictionary(f => f, _ => (int?)null));

        try
        {
            await ReadAndWriteAsync(file, options, run, report, progress, cancellationToken);
            if (report.Records == 0)
                throw new WorkbenchException($"{options.File} holds no records; nothing was imported.");
            if (report.Imported == 0 && report.Refused.Count > 0)
                throw new WorkbenchException($"None of the {report.Records} records could be imported; nothing was written. First: {report.Refused[0]}");
            if (options.Strict && report.Refused.Count > 0)
                throw new WorkbenchException($"{report.Refused.Count} of {report.Records} records were refused and --strict is set; nothing was imported. First: {report.Refused[0]}");
            ItemTextIndex.CatchUp(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            foreach (var copy in run.CreatedCopies)
                File.Delete(copy);
            throw;
        }
    }

    /// <summary>
    /// Reading, parsing and image checks of one batch overlap the store writes of the previous
    /// one: on two cores that hides most of the cost of everything but SQLite itself.
    /// </summary>
    private static async Task ReadAndWriteAsync(string file, ImportOptions options, ImportRun run, ImportReport report,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<List<ParsedRecord>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var writing = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
                    run.Write(batch);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None);

        try
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            SourceFormat? format = options.Format == SourceFormat.Auto ? null : options.Format;
            var batch = new List<ParsedRecord>(BatchSize);
            try
            {
                await foreach (var (index, element) in RecordStream.ReadAsync(stream, stop.Token))
                {
                    report.Records++;
                    format ??= FormatDetector.TryDetect(element);
                    batch.Add(format is { } known
                        ? Parse(known, index, element)
                        : new ParsedRecord(index, SafeId(element), null, null, new RecordError(index, SafeId(element), "(record)", FormatDetector.Unrecognized)));
                    if (batch.Count < BatchSize)
                        continue;
                    run.CheckImages(batch, stop.Token);
                    await batches.Writer.WriteAsync(batch, stop.Token);
                    batch = new List<ParsedRecord>(BatchSize);
                    progress?.Report(new ImportProgress(stream.Position, stream.Length, report.Records, report.Imported, report.Refused.Count));
                }
            }
            catch (JsonException e)
            {
                throw new WorkbenchException($"{options.File} is not valid JSON ({e.Message}); nothing was imported.", e);
            }
            if (format is null && report.Records > 0)
                throw new WorkbenchException($"No record of {options.File} has conversations (LLaVA), conversations_v0 (MMEvol) or messages (ShareGPT); name the format with --format.");
            run.CheckImages(batch, stop.Token);
            await batches.Writer.WriteAsync(batch, stop.Token);
            batches.Writer.Complete();
            await writing;
            report.Format = (format ?? SourceFormat.Auto).ToString().ToLowerInvariant();
            progress?.Report(new ImportProgress(stream.Length, stream.Length, report.Records, report.Imported, report.Refused.Count));
        }
        catch (Exception readError)
        {
            batches.Writer.TryComplete();
            await stop.CancelAsync();
            // When a write failed, the reader only saw the cancellation that failure caused.
            if (await FailureOf(writing) is { } writeError && readError is OperationCanceledException)
                ExceptionDispatchInfo.Throw(writeError);
            throw;
        }
    }

    private static async Task<Exception?> FailureOf(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static ParsedRecord Parse(SourceFormat format, int index, JsonElement element)
    {
        try
        {
            var record = FormatDetector.Read(format, index, element);
            return new ParsedRecord(index, record.Id, record, RecordFingerprint.Of(record), null);
        }
        catch (InvalidRecordException e)
        {
            return new ParsedRecord(index, SafeId(element), null, null, new RecordError(index, SafeId(element), e.Field, e.Reason));
        }
    }

    private static string? SafeId(JsonElement element)
    {
        try
        {
            return Json.OptionalId(element);
        }
        catch (InvalidRecordException)
        {
            return null;
        }
    }

    private async Task<Dataset> FindOrCreateDatasetAsync(WorkbenchDb db, ImportOptions options, string root, CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.Name == options.Dataset, cancellationToken);
        if (dataset is not null)
        {
            if (dataset.ImageRoot is not null && !string.Equals(dataset.ImageRoot, root, StringComparison.Ordinal))
                throw new WorkbenchException(
                    $"Dataset '{dataset.Name}' holds images from {dataset.ImageRoot}, but this file's images are in {root}: import it into a new dataset, or with the same image folder.");
            return dataset;
        }
        var now = time.GetUtcNow();
        dataset = new Dataset { Name = options.Dataset, ImageRoot = root, CreatedAt = now, PolicyVersion = 1 };
        dataset.Policies.Add(new EliminationPolicy { Version = 1, CreatedBy = options.User, CreatedAt = now, Note = "The paper's rule: keep an item iff the judge says it improved." });
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(cancellationToken);
        return dataset;
    }
}
