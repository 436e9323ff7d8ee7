using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MMEvol.Core;
using MMEvol.Core.Data;
using MMEvol.Core.Demo;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;
using MMEvol.Core.Training;
using MMEvol.Training;
using MMEvol.Training.Experiment;
using MMEvol.Training.Probe;
using static TorchSharp.torch;

namespace MMEvol.Benchmarks.Train;

/// <summary>
/// Issue 7's figures. `train [images] [steps]`: probe training throughput and peak memory on the
/// experiment's probe settings over a Shapes world evolved for 3 rounds (every item: short seed
/// answers beside long evolved ones), with length-bucketed batches, beside plain shuffled batches
/// and beside bare steps on one fixed batch (the model alone, no data pipeline), all in this run.
/// `train experiment [seeds]`: the whole experiment, timed against its 15-minute budget.
/// </summary>
internal static class TrainBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "experiment")
            return await ExperimentAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1);
        var images = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 600;
        var steps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var samples = await SamplesAsync(images);
        var options = new ExperimentOptions().Probe with { Steps = steps, ReportEvery = 10 };
        Console.WriteLine($"{samples.Count:N0} items of {images:N0} images evolved for 3 rounds; probe {options.ImageSize} px, width {options.Width}, " +
            $"{options.Layers} layers, batch {options.BatchSize}, {steps} steps; {TorchDevice.Describe()}");

        var tokenizer = WordTokenizer.Build(samples.SelectMany(s => new[] { s.Question, s.Answer }));
        var data = ProbeData.Build(samples, tokenizer, options);
        var order = new DataOrder(data, options.BatchSize, options.BucketBatches, options.Seed);
        Console.WriteLine($"padding per epoch: bucketed {Padding(data, order.Epoch(0)):P1} of text positions, plain shuffled {Padding(data, order.UnbucketedEpoch(0)):P1}");
        Console.WriteLine();

        var bucketed = Measure(samples, options);
        var plain = Measure(samples, options with { BucketBatches = 1 });
        var bare = BareSteps(data, order.Epoch(0), options, tokenizer.VocabularySize, steps);
        Console.WriteLine($"{"",-46}{"samples/s",12}{"peak MiB",12}");
        Console.WriteLine($"{"probe trainer, length-bucketed batches",-46}{bucketed.Rate,12:N0}{bucketed.PeakMiB,12:N0}");
        Console.WriteLine($"{"probe trainer, plain shuffled batches",-46}{plain.Rate,12:N0}{plain.PeakMiB,12:N0}");
        Console.WriteLine($"{"bare steps on one fixed batch (no data)",-46}{bare,12:N0}");
        Console.WriteLine();
        Console.WriteLine($"bucketing: {bucketed.Rate / plain.Rate:0.00}x the plain rate; the trainer runs at {bucketed.Rate / bare:P0} of bare steps");
        return 0;
    }

    private static (double Rate, double PeakMiB) Measure(IReadOnlyList<ProbeSample> samples, ProbeOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mmevol-bench", "train-runs", Guid.NewGuid().ToString("N"));
        var rates = new List<double>();
        using var memory = new MemorySampler();
        new ProbeTrainer(options).Train(samples, folder, new Core.InlineProgress<TrainingPoint>(p => rates.Add(p.SamplesPerSecond ?? 0)), CancellationToken.None);
        Directory.Delete(folder, recursive: true);
        // The first interval includes the start (image decoding, first allocations).
        return (rates.Skip(1).DefaultIfEmpty(rates[0]).Average(), memory.PeakBytes / 1024.0 / 1024.0);
    }

    /// <summary>Forward, backward and optimizer step over one batch of typical length, again and again.</summary>
    private static double BareSteps(ProbeData data, List<int[]> batches, ProbeOptions options, int vocabulary, int steps)
    {
        manual_seed(1);
        using var model = new ProbeModel(options, vocabulary);
        using var optimizer = new ProbeOptimizer(model.parameters(), options.WeightDecay);
        var typical = batches.OrderBy(b => b.Max(data.Length)).ElementAt(batches.Count / 2);
        var (images, text, labels) = data.Batch(typical);
        var watch = new Stopwatch();
        for (var step = 0; step < steps; step++)
        {
            if (step == 5)
                watch.Start();
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            var logits = model.call(images, text);
            var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), labels.reshape(-1), ignore_index: ProbeData.Ignored);
            loss.backward();
            optimizer.ClipGradients(options.ClipNorm);
            optimizer.Step(options.LearningRate);
        }
        images.Dispose();
        text.Dispose();
        labels.Dispose();
        return (steps - 5) * typical.Length / watch.Elapsed.TotalSeconds;
    }

    private static double Padding(ProbeData data, List<int[]> batches)
    {
        long padded = 0, total = 0;
        foreach (var batch in batches)
        {
            var longest = (batch.Max(data.Length) + 7) / 8 * 8; // as ProbeData.Batch pads
            total += (long)longest * batch.Length;
            padded += batch.Sum(i => (long)(longest - data.Length(i)));
        }
        return (double)padded / total;
    }

    /// <summary>Every item of a Shapes world evolved offline for 3 rounds at 15% faults; made once, then read from its store.</summary>
    private static async Task<IReadOnlyList<ProbeSample>> SamplesAsync(int images)
    {
        var root = Path.Combine(Path.GetTempPath(), "mmevol-bench", $"train-{images}");
        var data = new DataDirectory(root, Path.Combine(root, "train.db"));
        data.EnsureCreated();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddWorkbench(data, runWorker: false)
            .BuildServiceProvider();
        await using var db = WorkbenchStore.Open(data.DatabaseFile);
        await WorkbenchStore.MigrateAsync(db);
        if (!await db.Datasets.AnyAsync())
        {
            var world = DemoDataset.Generate(data, new ShapesWorldOptions(images, 10, Seed: 3));
            await DemoDataset.ImportAsync(db, data, world, "shapes", TimeProvider.System);
        }
        var dataset = await db.Datasets.SingleAsync();
        await services.GetRequiredService<EvolutionRun>().RunAsync(dataset.Id, new EvolveSettings { Rounds = 3, Seed = 3 }, null, null, _ => Task.CompletedTask, CancellationToken.None);
        var (items, _) = await TrainingSnapshot.TakeAsync(db, data, dataset.Id, SnapshotKind.All, null, CancellationToken.None);
        return ProbeSample.From(items);
    }

    private static async Task<int> ExperimentAsync(int seeds)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mmevol-bench", "experiment-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var watch = Stopwatch.StartNew();
        using var memory = new MemorySampler();
        var report = await new ExperimentRunner(NullLoggerFactory.Instance).RunAsync(folder, new ExperimentOptions { Seeds = seeds },
            line => Console.WriteLine($"{watch.Elapsed:mm\\:ss} {line}"), CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine(report.ToMarkdown());
        var training = report.Results.Sum(r => r.TrainSeconds);
        Console.WriteLine($"experiment, {seeds} seed(s): {report.Seconds / 60:0.0} min (target < 15 min per seed on 2 cores), of which training {training / 60:0.0} min " +
            $"at {report.Results.Average(r => r.SamplesPerSecond):0} samples/s; the rest is drawing, evolving, snapshots and scoring; peak {memory.PeakBytes / 1024.0 / 1024.0:N0} MiB");
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), report.ToMarkdown());
        return 0;
    }
}
