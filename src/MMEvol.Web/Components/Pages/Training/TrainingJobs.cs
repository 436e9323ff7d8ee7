using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MMEvol.Core;
using MMEvol.Core.Data;
using MMEvol.Core.Export;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;
using MMEvol.Training.Experiment;
using MMEvol.Training.External;
using MMEvol.Training.Jobs;
using MMEvol.Web.Trainers;

namespace MMEvol.Web.Components.Pages.Training;

/// <summary>
/// What the Training page asks of the store and the queue: the configured trainer profiles, launches,
/// the runs of a dataset and their curves. Each call opens its own short-lived context.
/// </summary>
public sealed class TrainingJobs(IDbContextFactory<WorkbenchDb> factory, DataDirectory data, JobQueue queue, IOptions<TrainingOptions> options)
{
    /// <summary>Stands for the run's id in a preview: the worker creates the run when it starts the job.</summary>
    public const string RunIdPlaceholder = "<id>";

    public IReadOnlyList<TrainerProfile> Profiles { get; } = options.Value.ToProfiles();

    public async Task<IReadOnlyList<Dataset>> DatasetsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
    }

    /// <exception cref="WorkbenchException">The settings are invalid; the message says which and why.</exception>
    public async Task<Job> LaunchAsync(TrainSettings settings, string user, CancellationToken cancellationToken = default)
    {
        settings.Validate();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Datasets.AnyAsync(d => d.Id == settings.DatasetId, cancellationToken))
                throw new WorkbenchException($"Dataset {settings.DatasetId} does not exist (any more).");
        }
        return await queue.EnqueueAsync(JobKind.Train, settings.DatasetId, settings.ToJson(), user, cancellationToken);
    }

    /// <summary>The command line the job will run, as <see cref="TrainJobHandler"/> fills it, the run's id still unknown.</summary>
    public string Preview(TrainerProfile profile, Dataset dataset, ExportFormat format)
    {
        var folder = Path.Combine(data.Runs, $"run-{RunIdPlaceholder}");
        var file = Path.Combine(folder, "data", $"snapshot.{(format == ExportFormat.Jsonl ? "jsonl" : "json")}");
        var paths = new TrainerPaths(file, dataset.ImageRoot ?? data.Images, Path.Combine(folder, "output"))
        {
            Dataset = format == ExportFormat.ShareGpt ? "mmevol_" + dataset.Name : null,
        };
        return profile.Preview(paths);
    }

    /// <summary>Newest first, without their curves.</summary>
    public async Task<IReadOnlyList<TrainingRun>> RunsAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.TrainingRuns.AsNoTracking().Where(r => r.DatasetId == datasetId).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
    }

    public async Task<TrainingRun?> RunAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
    }

    /// <summary>The run a Train job made; null until its worker has taken the snapshot.</summary>
    public async Task<TrainingRun?> RunOfJobAsync(int jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.TrainingRuns.AsNoTracking().Where(r => r.JobId == jobId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The newest Train job of the dataset: what the page follows when it opens.</summary>
    public async Task<int?> LatestJobAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AsNoTracking().Where(j => j.Kind == JobKind.Train && j.DatasetId == datasetId)
            .OrderByDescending(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The newest experiment job (the experiment draws its own worlds: it belongs to no dataset).</summary>
    public async Task<Job?> LatestExperimentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AsNoTracking().Where(j => j.Kind == JobKind.Experiment).OrderByDescending(j => j.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Queues the experiment with its fixed design; refused while one is queued or running.</summary>
    public async Task<Job> StartExperimentAsync(string user, CancellationToken cancellationToken = default)
    {
        if (await LatestExperimentAsync(cancellationToken) is { State: JobState.Queued or JobState.Running } running)
            throw new WorkbenchException($"The experiment is already {running.State.ToString().ToLowerInvariant()} as job {running.Id}.");
        return await queue.EnqueueAsync(JobKind.Experiment, null, ExperimentJobHandler.Config(new ExperimentOptions()), user, cancellationToken);
    }

    /// <summary>The Markdown report a finished experiment job left as its result.</summary>
    public static string? ExperimentReport(Job job) =>
        job is { State: JobState.Succeeded, Result: { } result } && System.Text.Json.JsonDocument.Parse(result).RootElement.TryGetProperty("report", out var report)
            ? report.GetString()
            : null;

    /// <summary>Each run's curve by step.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<TrainingMetric>>> CurvesAsync(IReadOnlyCollection<int> runIds, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var metrics = await db.TrainingMetrics.AsNoTracking().Where(m => runIds.Contains(m.RunId)).OrderBy(m => m.RunId).ThenBy(m => m.Step).ToListAsync(cancellationToken);
        return runIds.ToDictionary(id => id, id => (IReadOnlyList<TrainingMetric>)[.. metrics.Where(m => m.RunId == id)]);
    }
}
