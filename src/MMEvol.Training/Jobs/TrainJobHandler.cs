using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MMEvol.Core;
using MMEvol.Core.Data;
using MMEvol.Core.Demo;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;
using MMEvol.Core.Training;
using MMEvol.Training.Evaluation;
using MMEvol.Training.Probe;

namespace MMEvol.Training.Jobs;

/// <summary>
/// Runs a Train job with the probe model or an external trainer. The first run of the job takes the snapshot, records its
/// provenance on a new <see cref="TrainingRun"/> and writes the items into the run folder; a resumed
/// job (after a cancel or a crash) finds its run and trains on from the last checkpoint with those
/// very items, whatever was reviewed since. Loss, learning rate and throughput reach the store every
/// second while it trains; the benchmark is scored at the end.
/// </summary>
public sealed partial class TrainJobHandler(IDbContextFactory<WorkbenchDb> factory, DataDirectory data, TimeProvider time, ILoggerFactory loggers) : IJobHandler
{
    public const string SnapshotFile = "snapshot.jsonl";
    public const string AnswersFile = "benchmark-answers.jsonl";

    public JobKind Kind => JobKind.Train;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var settings = TrainSettings.FromJson(context.Job.Config);
        settings.Validate();
        var run = await StartOrResumeAsync(context, settings, cancellationToken);
        var folder = Path.Combine(data.Runs, run.RunFolder!);
        if (settings.External is { } profile)
            await RunExternalAsync(context, settings, profile, run, folder, cancellationToken);
        else
            await RunProbeAsync(context, settings, run, folder, cancellationToken);
        await context.SetResultAsync(JsonSerializer.Serialize(new { run_id = run.Id }), cancellationToken);
    }

    private async Task RunProbeAsync(JobContext context, TrainSettings settings, TrainingRun run, string folder, CancellationToken cancellationToken)
    {
        var items = ReadSnapshot(folder);
        var samples = ProbeSample.From(items);
        if (samples.Count < items.Count)
            await context.LogAsync(LogLevel.Warning, $"{items.Count - samples.Count} item(s) of text-only records are left out: the probe needs an image.", cancellationToken);
        await context.LogAsync(LogLevel.Information,
            $"Training the probe on {samples.Count:N0} items ({run.Snapshot} snapshot, hash {run.SnapshotHash[..12]}) for {settings.Probe.Steps:N0} steps on {TorchDevice.Describe()}.",
            cancellationToken);

        var pending = new ConcurrentQueue<TrainingPoint>();
        var progress = new Core.InlineProgress<TrainingPoint>(point =>
        {
            pending.Enqueue(point);
            context.ReportProgress((int)point.Step, settings.Probe.Steps);
        });
        var trainer = new ProbeTrainer(settings.Probe, loggers.CreateLogger<ProbeTrainer>());
        // Minutes of CPU-bound work: a thread of its own rather than one of the pool's.
        var training = Task.Factory.StartNew(() => trainer.Train(samples, folder, progress, cancellationToken),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (!training.IsCompleted)
        {
            await Task.WhenAny(training, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
            await FlushAsync(run.Id, pending);
        }

        ProbeRun result;
        try
        {
            result = await training;
        }
        catch (Exception e)
        {
            await FinishAsync(run.Id, TrainingStatus.Failed, null, e.Message);
            throw;
        }
        await FlushAsync(run.Id, pending, result.Steps, result.LastLoss, result.SamplesPerSecond);
        if (result.Cancelled)
        {
            await FinishAsync(run.Id, TrainingStatus.Cancelled, null, null);
            await context.LogAsync(LogLevel.Information, $"Stopped at step {result.Steps:N0} of {result.TargetSteps:N0}; the checkpoint is kept and the job resumes from it.", CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
        }
        await context.LogAsync(LogLevel.Information,
            $"Trained {result.Steps:N0} steps in {result.Elapsed.TotalSeconds:0} s ({result.SamplesPerSecond:0} samples/s); last loss {result.LastLoss:0.000}.", cancellationToken);

        var evaluation = await EvaluateAsync(context, settings, run, folder, cancellationToken);
        await FinishAsync(run.Id, TrainingStatus.Completed, evaluation?.ToJson(), null);
    }

    private async Task<TrainingRun> StartOrResumeAsync(JobContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.TrainingRuns.SingleOrDefaultAsync(r => r.JobId == context.Job.Id, cancellationToken);
        if (existing is not null && File.Exists(Path.Combine(data.Runs, existing.RunFolder!, SnapshotFile)))
        {
            (existing.Status, existing.Error, existing.FinishedAt) = (TrainingStatus.Running, null, null);
            await db.SaveChangesAsync(cancellationToken);
            await context.LogAsync(LogLevel.Information, $"Resuming training run {existing.Id} from its last checkpoint.", cancellationToken);
            return existing;
        }

        var (items, provenance) = await TrainingSnapshot.TakeAsync(db, data, settings.DatasetId, settings.Snapshot, settings.Filter, cancellationToken);
        if (items.Count == 0)
            throw new WorkbenchException($"The {settings.Snapshot} snapshot of dataset {settings.DatasetId} holds no items.");
        var run = existing ?? new TrainingRun
        {
            DatasetId = settings.DatasetId,
            JobId = context.Job.Id,
            Name = settings.Name ?? $"{settings.Trainer} on {settings.Snapshot.ToString().ToLowerInvariant()}",
            Trainer = settings.Trainer,
            Settings = settings.External is { } external ? JsonSerializer.Serialize(external) : JsonSerializer.Serialize(settings.Probe),
            CreatedAt = time.GetUtcNow(),
        };
        (run.Snapshot, run.SnapshotFilter, run.SnapshotItems, run.SnapshotHash) = (provenance.Kind, provenance.Filter, provenance.Items, provenance.Hash);
        (run.PolicyVersion, run.SnapshotOverrides, run.OverridesHash) = (provenance.PolicyVersion, provenance.Overrides, provenance.OverridesHash);
        (run.Status, run.TargetSteps) = (TrainingStatus.Running, settings.External is null ? settings.Probe.Steps : 0);
        if (existing is null)
            db.TrainingRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        run.RunFolder = $"run-{run.Id}";
        await db.SaveChangesAsync(cancellationToken);

        var folder = Directory.CreateDirectory(Path.Combine(data.Runs, run.RunFolder)).FullName;
        WriteSnapshot(folder, items);
        await context.LogAsync(LogLevel.Information,
            $"Training run {run.Id}: {provenance.Items:N0} items, policy v{provenance.PolicyVersion}, {provenance.Overrides:N0} reviewer override(s) among them.", cancellationToken);
        return run;
    }

    private async Task<BenchmarkSummary?> EvaluateAsync(JobContext context, TrainSettings settings, TrainingRun run, string folder, CancellationToken cancellationToken)
    {
        Dataset dataset;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == run.DatasetId, cancellationToken);
        var benchmarkFile = settings.ResolveBenchmark(dataset);
        if (benchmarkFile is null)
        {
            await context.LogAsync(LogLevel.Information, "No benchmark.json beside the dataset's images and none named: the run is not scored.", cancellationToken);
            return null;
        }
        var items = BenchmarkJson.ReadFile(benchmarkFile);
        using var probe = TrainedProbe.Load(folder);
        var imageDirectory = Path.Combine(Path.GetDirectoryName(benchmarkFile)!, "images");
        var result = await Task.Factory.StartNew(() => ProbeEvaluator.Evaluate(probe, items, imageDirectory, cancellationToken: cancellationToken),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await File.WriteAllLinesAsync(Path.Combine(folder, AnswersFile), result.Answers.Select(a => JsonSerializer.Serialize(a)), cancellationToken);
        var summary = BenchmarkSummary.From(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(benchmarkFile))) ?? benchmarkFile, result);
        await context.LogAsync(LogLevel.Information,
            $"Benchmark: {summary.Accuracy:P1} of {summary.Items} items; " + string.Join(", ", summary.Categories.Select(c => $"{c.Category} {c.Accuracy:P0}"))
            + (summary.Pope.Count > 0 ? "; POPE F1 " + string.Join(", ", summary.Pope.Select(p => $"{p.Sampling} {p.F1:0.000}")) : ""),
            cancellationToken);
        return summary;
    }

    /// <param name="steps">At the end: the steps done, the last loss and the throughput, written over what the points said.</param>
    private async Task FlushAsync(int runId, ConcurrentQueue<TrainingPoint> pending, int? steps = null, double? lastLoss = null, double? samplesPerSecond = null)
    {
        var points = new List<TrainingPoint>();
        while (pending.TryDequeue(out var point))
            points.Add(point);
        if (points.Count == 0 && steps is null)
            return;
        await using var db = await factory.CreateDbContextAsync();
        // A resumed run reports again the steps from its checkpoint on: the previous attempt's points there give way.
        if (points.Count > 0)
            await db.TrainingMetrics.Where(m => m.RunId == runId && m.Step >= points[0].Step).ExecuteDeleteAsync();
        db.TrainingMetrics.AddRange(points.Select(p => new TrainingMetric
        {
            RunId = runId, Step = p.Step, Loss = p.Loss, LearningRate = p.LearningRate, Epoch = p.Epoch, SamplesPerSecond = p.SamplesPerSecond,
        }));
        var run = await db.TrainingRuns.SingleAsync(r => r.Id == runId);
        if (points.Count > 0)
            (run.Step, run.Loss) = ((int)points[^1].Step, points[^1].Loss);
        if (points.LastOrDefault(p => p.TotalSteps is not null)?.TotalSteps is { } total)
            run.TargetSteps = (int)Math.Min(total, int.MaxValue);
        if (steps is not null)
            (run.Step, run.Loss, run.SamplesPerSecond) = (steps.Value, lastLoss is double loss && !double.IsNaN(loss) ? loss : run.Loss, samplesPerSecond ?? run.SamplesPerSecond);
        await db.SaveChangesAsync();
    }

    private async Task FinishAsync(int runId, TrainingStatus status, string? evaluation, string? error)
    {
        await using var db = await factory.CreateDbContextAsync();
        var run = await db.TrainingRuns.SingleAsync(r => r.Id == runId);
        (run.Status, run.Error, run.FinishedAt) = (status, error, time.GetUtcNow());
        if (evaluation is not null)
            run.Evaluation = evaluation;
        await db.SaveChangesAsync();
    }

    private static void WriteSnapshot(string folder, IReadOnlyList<SnapshotItem> items)
    {
        var path = Path.Combine(folder, SnapshotFile);
        File.WriteAllLines(path + ".tmp", items.Select(i => JsonSerializer.Serialize(i)));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static List<SnapshotItem> ReadSnapshot(string folder) =>
        File.ReadLines(Path.Combine(folder, SnapshotFile)).Select(line => JsonSerializer.Deserialize<SnapshotItem>(line)!).ToList();
}
