using MMEvol.Training.Probe;
using TorchSharp;
using static TorchSharp.torch;

namespace MMEvol.Training.Tests.Probe;

public sealed class ProbeTrainerTests : IDisposable
{
    private readonly ShapesSamples _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Train_FewSteps_LossFalls()
    {
        var options = ShapesSamples.TinyOptions(steps: 80) with { Width = 64, Layers = 2, ImageSize = 32 };
        var points = new List<TrainingPoint>();

        var run = new ProbeTrainer(options).Train(_world.Samples, _world.NewRunDirectory(), new Collect(points), CancellationToken.None);

        Assert.True(run.Complete);
        Assert.Equal(80 / 5, points.Count);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (long)i * 5), points.Select(p => p.Step));
        Assert.All(points, p => Assert.True(p.SamplesPerSecond > 0 && p.LearningRate > 0));
        // The first interval starts from an untrained model (about ln(vocabulary)); the answers are short and regular.
        Assert.True(points[^1].Loss < points[0].Loss * 0.6, $"loss went from {points[0].Loss} to {points[^1].Loss}");
    }

    [Fact]
    public void Train_SameSeedTwice_IdenticalWeights()
    {
        var options = ShapesSamples.TinyOptions(steps: 15);
        var first = _world.NewRunDirectory();
        var second = _world.NewRunDirectory();

        new ProbeTrainer(options).Train(_world.Samples, first, null, CancellationToken.None);
        new ProbeTrainer(options).Train(_world.Samples, second, null, CancellationToken.None);

        Assert.Equal(0, MaxDifference(first, second));
    }

    [Fact]
    public void Train_CancelledThenResumed_SameWeightsAsUninterrupted()
    {
        var options = ShapesSamples.TinyOptions(steps: 40) with { ReportEvery = 1, CheckpointEvery = 10 };
        var straight = _world.NewRunDirectory();
        var interrupted = _world.NewRunDirectory();
        new ProbeTrainer(options).Train(_world.Samples, straight, null, CancellationToken.None);

        using var cancel = new CancellationTokenSource();
        var stopped = new ProbeTrainer(options).Train(_world.Samples, interrupted,
            new Collect([], p => { if (p.Step == 17) cancel.Cancel(); }), cancel.Token);
        var resumedPoints = new List<TrainingPoint>();
        var resumed = new ProbeTrainer(options).Train(_world.Samples, interrupted, new Collect(resumedPoints), CancellationToken.None);

        Assert.True(stopped.Cancelled);
        Assert.Equal(17, stopped.Steps);
        Assert.True(resumed.Complete);
        Assert.Equal(18, resumedPoints[0].Step);
        Assert.Equal(0, MaxDifference(straight, interrupted), 4);
    }

    [Fact]
    public void Train_CrashedBetweenCheckpoints_ResumesFromTheLastOneToTheSameWeights()
    {
        var options = ShapesSamples.TinyOptions(steps: 40) with { ReportEvery = 1, CheckpointEvery = 10 };
        var straight = _world.NewRunDirectory();
        var crashed = _world.NewRunDirectory();
        new ProbeTrainer(options).Train(_world.Samples, straight, null, CancellationToken.None);

        // A failure escaping a step ends the run with no checkpoint of its own, as a killed process would.
        Assert.Throws<InvalidOperationException>(() => new ProbeTrainer(options).Train(_world.Samples, crashed,
            new Collect([], p => { if (p.Step == 27) throw new InvalidOperationException("crash"); }), CancellationToken.None));
        var resumedPoints = new List<TrainingPoint>();
        var resumed = new ProbeTrainer(options).Train(_world.Samples, crashed, new Collect(resumedPoints), CancellationToken.None);

        Assert.True(resumed.Complete);
        Assert.Equal(21, resumedPoints[0].Step);
        Assert.Equal(0, MaxDifference(straight, crashed), 4);
    }

    [Fact]
    public void Train_ResumedWithOtherSettings_Refused()
    {
        var options = ShapesSamples.TinyOptions(steps: 5);
        var run = _world.NewRunDirectory();
        new ProbeTrainer(options).Train(_world.Samples, run, null, CancellationToken.None);

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ProbeTrainer(options with { LearningRate = 1e-2 }).Train(_world.Samples, run, null, CancellationToken.None));

        Assert.Contains("other settings", error.Message);
    }

    [Fact]
    public void Train_ThousandSteps_LiveTensorCountConstant()
    {
        var options = ShapesSamples.TinyOptions(steps: 1_000) with { Width = 16, Heads = 1, BatchSize = 4, ReportEvery = 100 };
        var live = new List<long>();

        // Collect reports synchronously on the training thread, whose dispose-scope statistics these are.
        new ProbeTrainer(options).Train(_world.Samples, _world.NewRunDirectory(),
            new Collect([], _ => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount)), CancellationToken.None);

        Assert.Equal(10, live.Count);
        Assert.All(live, count => Assert.Equal(live[0], count));
    }

    /// <summary>The largest absolute difference between the weights of two runs' last checkpoints.</summary>
    private static double MaxDifference(string firstRun, string secondRun)
    {
        using var first = TrainedProbe.Load(firstRun);
        using var second = TrainedProbe.Load(secondRun);
        using var scope = NewDisposeScope();
        var a = first.Model.parameters().ToList();
        var b = second.Model.parameters().ToList();
        Assert.Equal(a.Count, b.Count);
        return a.Zip(b).Max(pair => (pair.First - pair.Second).abs().max().item<float>());
    }

    /// <summary>Reports collected at once on the reporting thread (Progress&lt;T&gt; would post them elsewhere).</summary>
    private sealed class Collect(List<TrainingPoint> points, Action<TrainingPoint>? also = null) : IProgress<TrainingPoint>
    {
        public void Report(TrainingPoint value)
        {
            points.Add(value);
            also?.Invoke(value);
        }
    }
}
