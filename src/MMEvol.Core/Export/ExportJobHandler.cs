using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MMEvol.Core.Data;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Export;

/// <summary>
/// Runs an Export job into exports/job-{id}/ and stores the <see cref="ExportReport"/> as the
/// job's result, which is what the download endpoint serves. The file is written atomically, so
/// a resumed job just writes it again.
/// </summary>
public sealed class ExportJobHandler(IDbContextFactory<WorkbenchDb> factory, DataDirectory data) : IJobHandler
{
    public JobKind Kind => JobKind.Export;

    public static string Folder(DataDirectory data, int jobId) => Path.Combine(data.Exports, $"job-{jobId}");

    public static ExportReport? ReadResult(string? result) => result is null ? null : JsonSerializer.Deserialize<ExportReport>(result);

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var settings = ExportSettings.FromJson(context.Job.Config);
        var folder = Directory.CreateDirectory(Folder(data, context.Job.Id)).FullName;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var report = await Exporter.ExportAsync(db, data, settings.Options(folder),
            new InlineProgress<(int Done, int Total)>(p => context.ReportProgress(p.Done, p.Total)), cancellationToken);

        await context.SetResultAsync(JsonSerializer.Serialize(report), cancellationToken);
        await context.LogAsync(LogLevel.Information,
            $"Exported {report.Items} {settings.Selection.ToString().ToLowerInvariant()} items of {report.Records} records as {settings.Format} to {Path.GetFileName(report.Out)}"
            + (report.SkippedRecords > 0 ? $"; {report.SkippedRecords} records had none and were left out." : "."), cancellationToken);
    }
}
