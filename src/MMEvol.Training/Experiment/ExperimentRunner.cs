using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MMEvol.Core;
using MMEvol.Core.Data;
using MMEvol.Core.Demo;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;
using MMEvol.Core.Training;
using MMEvol.Training.Evaluation;
using MMEvol.Training.Probe;

namespace MMEvol.Training.Experiment;

/// <summary>
/// Runs the experiment end to end in a work folder: per seed, a Shapes world; per fault rate, a store
/// that imports it and evolves it offline; then the arms — (a) the seed only, (b) the seed and the kept
/// evolved items, (c) the seed and every evolved item without elimination, (b) and (c) at each fault
/// rate — each training the same probe for the same steps, scored on the benchmark (existence in POPE's
/// three samplings, color, position, counts 0-3, comparisons) as phrased and as paraphrased.
/// </summary>
public sealed class ExperimentRunner(ILoggerFactory loggers)
{
    /// <param name="armDone">After each arm is trained and scored.</param>
    public async Task<ExperimentReport> RunAsync(string workDirectory, ExperimentOptions options, Action<string> log, CancellationToken cancellationToken,
        Action<ArmResult>? armDone = null)
    {
        options.Validate();
        var watch = Stopwatch.StartNew();
        var results = new List<ArmResult>();
        var (phrasingItems, paraphrasedItems) = (0, 0);
        for (var seed = options.FirstSeed; seed < options.FirstSeed + options.Seeds; seed++)
        {
            var folder = Path.Combine(workDirectory, $"seed-{seed}");
            var (arms, benchmark, imageDirectory) = await PrepareAsync(folder, options, seed, log, cancellationToken);
            var seen = WordTokenizer.Build(arms.SelectMany(a => a.Samples).SelectMany(s => new[] { s.Question, s.Answer }), int.MaxValue);
            var paraphrased = BenchmarkParaphraser.Paraphrase(benchmark, seen);
            (phrasingItems, paraphrasedItems) = (benchmark.Count, paraphrased.Count);
            log($"Seed {seed}: benchmark of {benchmark.Count:N0} questions, {paraphrased.Count:N0} of them paraphrased in words seen in training.");
            foreach (var arm in arms)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await TrainArmAsync(folder, arm, seed, options, benchmark, paraphrased, imageDirectory, log, cancellationToken);
                results.Add(result);
                armDone?.Invoke(result);
            }
        }
        return new ExperimentReport(options, results, watch.Elapsed.TotalSeconds, phrasingItems, paraphrasedItems);
    }

    private sealed record Arm(string Name, string Description, IReadOnlyList<ProbeSample> Samples, string Hash);

    private async Task<(List<Arm> Arms, List<BenchmarkItem> Benchmark, string ImageDirectory)> PrepareAsync(
        string folder, ExperimentOptions options, int seed, Action<string> log, CancellationToken cancellationToken)
    {
        var worldData = new DataDirectory(folder, Path.Combine(folder, "world.db"));
        worldData.EnsureCreated();
        log($"Seed {seed}: drawing {options.TrainingImages:N0} training and {options.BenchmarkImages:N0} benchmark scenes.");
        var world = DemoDataset.Generate(worldData, new ShapesWorldOptions(options.TrainingImages, options.BenchmarkImages, seed));
        var benchmark = BenchmarkJson.ReadFile(world.BenchmarkFile)
            .Where(i => i.Category != BenchmarkCategories.MultipleChoice)
            .Where(i => i.Category != BenchmarkCategories.Counting || i.Answer is "0" or "1" or "2" or "3")
            .ToList();

        var arms = new List<Arm>();
        foreach (var faultRate in options.FaultRates)
        {
            var percent = (faultRate * 100).ToString("0", CultureInfo.InvariantCulture);
            var data = new DataDirectory(folder, Path.Combine(folder, $"faults-{percent}.db"));
            await using var services = new ServiceCollection()
                .AddSingleton(loggers)
                .AddLogging()
                .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
                .AddWorkbench(data, runWorker: false)
                .BuildServiceProvider();
            int datasetId;
            await using (var db = WorkbenchStore.Open(data.DatabaseFile))
            {
                await WorkbenchStore.MigrateAsync(db, cancellationToken);
                if (!await db.Datasets.AnyAsync(cancellationToken))
                    await DemoDataset.ImportAsync(db, data, world, DemoDataset.DefaultName, TimeProvider.System);
                datasetId = (await db.Datasets.SingleAsync(cancellationToken)).Id;
            }
            log($"Seed {seed}: evolving {options.Rounds} rounds offline with {percent}% injected faults.");
            // Resumable: a run that finds its rounds done changes nothing.
            await services.GetRequiredService<EvolutionRun>().RunAsync(datasetId,
                new EvolveSettings { Rounds = options.Rounds, FaultRate = faultRate, Seed = seed }, null, null, _ => Task.CompletedTask, cancellationToken);

            await using var store = WorkbenchStore.Open(data.DatabaseFile);
            if (arms.Count == 0)
                arms.Add(await ArmAsync(store, data, datasetId, SnapshotKind.Seed, "a", "(a) seed only", cancellationToken));
            arms.Add(await ArmAsync(store, data, datasetId, SnapshotKind.Kept, $"b{percent}", $"(b) seed + kept evolved, {percent}% faults", cancellationToken));
            arms.Add(await ArmAsync(store, data, datasetId, SnapshotKind.All, $"c{percent}", $"(c) seed + all evolved (no elimination), {percent}% faults", cancellationToken));
        }
        return (arms, benchmark, Path.Combine(Path.GetDirectoryName(world.BenchmarkFile)!, "images"));
    }

    private static async Task<Arm> ArmAsync(WorkbenchDb db, DataDirectory data, int datasetId, SnapshotKind kind, string name, string description, CancellationToken cancellationToken)
    {
        var (items, provenance) = await TrainingSnapshot.TakeAsync(db, data, datasetId, kind, null, cancellationToken);
        var samples = ProbeSample.From(items);
        return new Arm(name, description, samples, provenance.Hash);
    }

    private async Task<ArmResult> TrainArmAsync(string folder, Arm arm, int seed, ExperimentOptions options, IReadOnlyList<BenchmarkItem> benchmark,
        IReadOnlyList<BenchmarkItem> paraphrased, string imageDirectory, Action<string> log, CancellationToken cancellationToken)
    {
        var runFolder = Path.Combine(folder, "runs", arm.Name);
        log($"Seed {seed}, arm {arm.Description}: {arm.Samples.Count:N0} items, {options.Probe.Steps:N0} steps.");
        var trainer = new ProbeTrainer(options.Probe with { Seed = seed }, loggers.CreateLogger<ProbeTrainer>());
        var progress = new Core.InlineProgress<TrainingPoint>(p => log($"  step {p.Step:N0}: loss {p.Loss:0.000}, {p.SamplesPerSecond:0} samples/s"));
        var run = await Task.Factory.StartNew(() => trainer.Train(arm.Samples, runFolder, progress, cancellationToken),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (run.Cancelled)
            throw new OperationCanceledException(cancellationToken);
        using var probe = TrainedProbe.Load(runFolder);
        var phrasing = BenchmarkSummary.From("phrasing", ProbeEvaluator.Evaluate(probe, benchmark, imageDirectory, cancellationToken: cancellationToken));
        var paraphrase = BenchmarkSummary.From("paraphrased", ProbeEvaluator.Evaluate(probe, paraphrased, imageDirectory, cancellationToken: cancellationToken));
        log($"  {arm.Description}: {phrasing.Accuracy:P1} as phrased, {paraphrase.Accuracy:P1} paraphrased ({run.SamplesPerSecond:0} samples/s).");
        return new ArmResult(arm.Name, arm.Description, seed, arm.Samples.Count, arm.Hash, phrasing, paraphrase, run.SamplesPerSecond, run.Elapsed.TotalSeconds);
    }
}
