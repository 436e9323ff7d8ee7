using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core;
using MMEvol.Core.Data;
using MMEvol.Core.Export;
using MMEvol.Core.Import;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Web.Components.Pages.Data;

/// <summary>The Data page's jobs: uploads saved under the data directory, imports and exports queued, the recent ones listed.</summary>
public sealed class DataJobs(IDbContextFactory<WorkbenchDb> factory, DataDirectory data, JobQueue queue)
{
    /// <summary>An upload larger than this is refused; bigger files are imported from a server path.</summary>
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    /// <summary>
    /// Saves the browser's file in its own folder under uploads/, under a name of safe characters
    /// only (the browser's name is user text), and returns its path for the import.
    /// </summary>
    public async Task<string> SaveUploadAsync(IBrowserFile file, CancellationToken cancellationToken = default)
    {
        var name = new string(Path.GetFileName(file.Name).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        var folder = Directory.CreateDirectory(Path.Combine(data.Uploads, Guid.NewGuid().ToString("N"))).FullName;
        var path = Path.Combine(folder, name.Length == 0 ? "upload.json" : name);
        await using (var target = File.Create(path))
        await using (var source = file.OpenReadStream(MaxUploadBytes, cancellationToken))
            await source.CopyToAsync(target, cancellationToken);
        return path;
    }

    public Task<Job> ImportAsync(ImportOptions options, string user, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.File) || string.IsNullOrWhiteSpace(options.Dataset))
            throw new WorkbenchException("Name the file to import and the dataset to import it into.");
        return queue.EnqueueAsync(JobKind.Import, null, (options with { File = options.File.Trim(), Dataset = options.Dataset.Trim(), User = user }).ToJson(), user, cancellationToken);
    }

    public async Task<Job> ExportAsync(ExportSettings settings, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var datasetId = await db.Datasets.Where(d => d.Name == settings.Dataset).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new WorkbenchException($"No dataset named '{settings.Dataset}'.");
        return await queue.EnqueueAsync(JobKind.Export, datasetId, settings.ToJson(), user, cancellationToken);
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<Job>> RecentAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AsNoTracking().Where(j => j.Kind == JobKind.Import || j.Kind == JobKind.Export)
            .OrderByDescending(j => j.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
