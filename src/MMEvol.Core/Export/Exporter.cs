using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Export;

/// <summary>
/// Writes a dataset's items, chosen by final decision, in one of the training formats. Records
/// go out in store order and the writer is fixed, so the same store gives byte-identical files.
/// </summary>
public static class Exporter
{
    public static async Task<ExportReport> ExportAsync(WorkbenchDb db, DataDirectory data, ExportOptions options, IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (options.Latest && options.Format == ExportFormat.MMEvol)
            throw new WorkbenchException("--latest applies to llava, sharegpt and jsonl; MMEvol records carry every round.");
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Name == options.Dataset, cancellationToken)
            ?? throw new WorkbenchException($"No dataset named '{options.Dataset}'.");
        var total = await db.Records.CountAsync(r => r.DatasetId == dataset.Id, cancellationToken);

        var (records, items, skipped) = await AtomicFile.WriteAsync(options.Out, async stream =>
        {
            var jsonl = options.Format == ExportFormat.Jsonl;
            await using var writer = new Utf8JsonWriter(stream, ExportJson.Options(indented: !jsonl));
            if (!jsonl)
                writer.WriteStartArray();
            int written = 0, itemCount = 0, skippedCount = 0, done = 0;
            await foreach (var lineage in LineageReader.ReadAsync(db, dataset.Id, cancellationToken: cancellationToken))
            {
                // Records are read untracked for this export alone: rewriting the path here changes nothing stored.
                if (options.AbsoluteImagePaths)
                    lineage.Record.ImagePath = ImageLocator.Resolve(data, dataset, lineage.Record);
                var count = WriteRecord(writer, lineage, options);
                if (count == 0)
                    skippedCount++;
                else
                    (written, itemCount) = (written + 1, itemCount + count);
                if (jsonl && count > 0)
                {
                    await writer.FlushAsync(cancellationToken);
                    writer.Reset();
                    stream.WriteByte((byte)'\n');
                }
                if (++done % 1000 == 0)
                    progress?.Report((done, total));
            }
            if (!jsonl)
                writer.WriteEndArray();
            await writer.FlushAsync(cancellationToken);
            if (!jsonl)
                stream.WriteByte((byte)'\n');
            progress?.Report((done, total));
            return (written, itemCount, skippedCount);
        });

        var info = options.Format == ExportFormat.ShareGpt
            ? await DatasetInfoFile.UpdateAsync(options.Out, "mmevol_" + dataset.Name, cancellationToken)
            : null;
        return new ExportReport(options.Out, records, items, skipped, info);
    }

    /// <summary>Writes one record unless it has nothing selected; returns the items written.</summary>
    private static int WriteRecord(Utf8JsonWriter writer, RecordLineage lineage, ExportOptions options)
    {
        if (options.Format == ExportFormat.MMEvol)
            return MMEvolRecordWriter.Write(writer, lineage, options.Selection);
        var items = ExportSelector.Items(lineage, options.Selection, options.Latest);
        if (items.Count == 0)
            return 0;
        if (options.Format == ExportFormat.ShareGpt)
            ShareGptRecordWriter.Write(writer, lineage.Record, items);
        else
            LlavaRecordWriter.Write(writer, lineage.Record, items);
        return items.Count;
    }
}
