using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MMEvol.Core.Data;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Import;

/// <summary>
/// Runs an Import job and stores its report as the job's result, so the refused records (index,
/// id, field, reason) outlive the run. The import is one transaction and skips records already in
/// the dataset, so a resumed job simply runs again.
/// </summary>
public sealed class ImportJobHandler(IDbContextFactory<WorkbenchDb> factory, DataDirectory data, TimeProvider time, ILogger<Importer> logger) : IJobHandler
{
    // The first refusals also go to the log, where the job's tail shows them while the report is read.
    private const int LoggedRefusals = 5;

    public JobKind Kind => JobKind.Import;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        // Whoever queued the job is who the new dataset's first policy names, whatever the config says.
        var options = ImportOptions.FromJson(context.Job.Config) with { User = context.Job.CreatedBy };
        await context.LogAsync(LogLevel.Information, $"Importing {options.File} into dataset '{options.Dataset}'.", cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Progress in KiB read: a streamed file's record count is known only at its end.
        var progress = new InlineProgress<ImportProgress>(p => context.ReportProgress(KiB(p.BytesRead), Math.Max(1, KiB(p.BytesTotal))));
        var report = await new Importer(data, time, logger).ImportAsync(db, options, progress, cancellationToken);

        await context.SetResultAsync(report.ToJson(), cancellationToken);
        foreach (var refused in report.Refused.Take(LoggedRefusals))
            await context.LogAsync(LogLevel.Warning, $"Refused {refused}", cancellationToken);
        await context.LogAsync(LogLevel.Information,
            $"Imported {report.Imported} of {report.Records} records ({report.Items} items) as {report.Format}; "
            + $"{report.Refused.Count} refused, {report.Duplicates.Count} already there.", cancellationToken);
        if (UploadFolder(options.File) is { } upload)
        {
            Directory.Delete(upload, recursive: true);
            await context.LogAsync(LogLevel.Information, "Removed the uploaded file: its records are in the store now.", cancellationToken);
        }
    }

    /// <summary>
    /// The folder the web page saved <paramref name="file"/> in, when it is an upload: once imported it
    /// has served its purpose (records keep their image paths, not the file's), and uploads would
    /// otherwise pile up in the data directory. A failed import keeps it, for the resume.
    /// </summary>
    private string? UploadFolder(string file)
    {
        var uploads = Path.GetFullPath(data.Uploads) + Path.DirectorySeparatorChar;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        return folder is not null && Path.GetDirectoryName(folder) + Path.DirectorySeparatorChar == uploads ? folder : null;
    }

    private static int KiB(long bytes) => (int)((bytes + 1023) / 1024);
}
