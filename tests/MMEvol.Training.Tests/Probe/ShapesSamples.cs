using MMEvol.Core.Demo;
using MMEvol.Training.Probe;

namespace MMEvol.Training.Tests.Probe;

/// <summary>A small Shapes world on disk and its seed questions as probe samples; deleted with the instance.</summary>
public sealed class ShapesSamples : IDisposable
{
    public ShapesSamples(int images = 40, int seed = 7)
    {
        Directory = Path.Combine(Path.GetTempPath(), "mmevol-probe-tests", Guid.NewGuid().ToString("N"));
        World = ShapesWorld.Generate(Directory, new ShapesWorldOptions(images, BenchmarkImages: 10, Seed: seed, CanvasSize: 128));
        Samples = World.Records
            .SelectMany(r => r.Questions.Select(q => new ProbeSample(Path.Combine(World.ImageDirectory, r.ImageFile), q.Question, q.Answer)))
            .ToList();
    }

    public string Directory { get; }
    public ShapesWorld World { get; }
    public IReadOnlyList<ProbeSample> Samples { get; }

    public string NewRunDirectory() => Path.Combine(Directory, "runs", Guid.NewGuid().ToString("N"));

    /// <summary>Small enough to take a few milliseconds a step on two cores.</summary>
    public static ProbeOptions TinyOptions(int steps) => new()
    {
        ImageSize = 16,
        Width = 32,
        Layers = 1,
        Heads = 2,
        MaxTextTokens = 48,
        BatchSize = 8,
        Steps = steps,
        LearningRate = 3e-3,
        ReportEvery = 5,
        CheckpointEvery = 1_000,
    };

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
