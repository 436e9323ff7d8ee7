using MMEvol.Training.Probe;

namespace MMEvol.Training.Tests.Probe;

/// <summary>Run alone: a thread collecting without pause would slow every test beside it.</summary>
[CollectionDefinition(nameof(ScalarLifetimeTests), DisableParallelization = true)]
public sealed class ScalarLifetimeCollection;

[Collection(nameof(ScalarLifetimeTests))]
public sealed class ScalarLifetimeTests : IDisposable
{
    private readonly ShapesSamples _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Train_WhileTheCollectorRunsWithoutPause_NoScalarIsFreedDuringItsCall()
    {
        // A Scalar TorchSharp makes implicitly (the alpha of Tensor + Tensor, of add_(Scalar); the 2 of square()) is
        // unreachable once its handle is passed to native code, so a collection can free it under the running call.
        // Before HeldScalars this failed in 4 of 5 runs (Scalar.h's checks failing in add_ or square), and once in a CI
        // run without any collecting thread.
        var options = ShapesSamples.TinyOptions(steps: 300) with { Width = 16, Heads = 1, BatchSize = 4, ReportEvery = 100 };
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect(0); // the Scalars made per call are young: the cheapest collection frees them, and often
                GC.WaitForPendingFinalizers();
            }
        }) { IsBackground = true };
        collector.Start();
        try
        {
            var run = new ProbeTrainer(options).Train(_world.Samples, _world.NewRunDirectory(), null, CancellationToken.None);

            Assert.True(run.Complete);
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
    }
}
