using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MMEvol.Core.Data;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Demo;

/// <summary>
/// Runs a Demo job: draws the Shapes world, imports its seed set, then queues the evolve job that
/// brings it to the configured round. Each step is safe to repeat, so a resumed job simply runs
/// again: the world is redrawn byte for byte, the import finds its records already there, and the
/// evolve job is queued only if the dataset has none.
/// </summary>
public sealed class DemoJobHandler(IDbContextFactory<WorkbenchDb> factory, DataDirectory data, JobQueue queue, TimeProvider time) : IJobHandler
{
    public JobKind Kind => JobKind.Demo;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var settings = DemoSettings.FromJson(context.Job.Config);
        settings.Validate();
        var world = settings.World;
        // One step per image drawn, one for the import: the bar moves while the slow part runs.
        var total = world.Images + world.BenchmarkImages + 1;
        context.ReportProgress(0, total);
        await context.LogAsync(LogLevel.Information,
            $"Drawing the Shapes world (seed {world.Seed}): {world.Images} images and {world.BenchmarkImages} benchmark images.", cancellationToken);
        var shapes = await Task.Run(() => DemoDataset.Generate(data, world, new InlineProgress<int>(n => context.ReportProgress(n, total))), cancellationToken);

        int datasetId;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var report = await DemoDataset.ImportAsync(db, data, shapes, settings.Dataset, time, cancellationToken: cancellationToken);
            await context.LogAsync(LogLevel.Information,
                $"Imported {report.Imported} records into dataset '{settings.Dataset}' ({report.Duplicates.Count} already there, {report.Refused.Count} refused).", cancellationToken);
            datasetId = await db.Datasets.Where(d => d.Name == settings.Dataset).Select(d => d.Id).SingleAsync(cancellationToken);
        }
        context.ReportProgress(total, total);

        if (settings.Rounds > 0)
            await QueueEvolutionAsync(context, settings, datasetId, cancellationToken);
    }

    private async Task QueueEvolutionAsync(JobContext context, DemoSettings settings, int datasetId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Jobs.Where(j => j.Kind == JobKind.Evolve && j.DatasetId == datasetId).Select(j => (int?)j.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            await context.LogAsync(LogLevel.Information, $"Dataset '{settings.Dataset}' already has evolve job {id}; none queued.", cancellationToken);
            return;
        }
        var job = await queue.EnqueueAsync(JobKind.Evolve, datasetId, settings.Evolution.ToJson(), context.Job.CreatedBy, cancellationToken);
        await context.LogAsync(LogLevel.Information, $"Queued evolve job {job.Id}: {settings.Rounds} rounds, offline evolver and heuristic judge.", cancellationToken);
    }
}
