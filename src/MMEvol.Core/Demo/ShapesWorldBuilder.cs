using System.Globalization;

namespace MMEvol.Core.Demo;

/// <summary>
/// Draws a Shapes world in memory: training records from the options' seed, then benchmark
/// scenes from a second, separate stream. Nothing is written here; <see cref="ShapesWorld"/> does that.
/// </summary>
internal static class ShapesWorldBuilder
{
    // Any nonzero constant gives a stream that differs from the training stream for every seed.
    private const int BenchmarkStreamSalt = 0x5EED_B0C5;

    public static IReadOnlyList<ShapesRecord> Training(ShapesWorldOptions options)
    {
        options.Validate();
        var generator = new SceneGenerator(options.CanvasSize);
        var random = new Random(options.Seed);
        var records = new List<ShapesRecord>(options.Images);
        for (var i = 1; i <= options.Images; i++)
        {
            var scene = generator.Generate(random);
            var id = Id("shapes", i);
            records.Add(new ShapesRecord(
                id,
                id + ".png",
                SceneDescriber.Caption(scene, random),
                scene.Detections(),
                SeedQuestionWriter.Write(scene, random),
                scene));
        }

        return records;
    }

    public static IReadOnlyList<BenchmarkScene> Benchmark(ShapesWorldOptions options, IReadOnlyList<ShapesRecord> training)
    {
        options.Validate();
        var generator = new SceneGenerator(options.CanvasSize);
        var random = new Random(options.Seed ^ BenchmarkStreamSalt);
        var builder = new BenchmarkBuilder(LabelStatistics.FromScenes(training.Select(r => r.Scene)));
        // A held-out picture must never repeat a training picture (or another held-out one).
        var seen = training.Select(r => r.Scene.Signature()).ToHashSet(StringComparer.Ordinal);
        var scenes = new List<BenchmarkScene>(options.BenchmarkImages);
        for (var i = 1; i <= options.BenchmarkImages; i++)
        {
            Scene scene;
            do
            {
                scene = generator.Generate(random);
            }
            while (!seen.Add(scene.Signature()));

            var id = Id("bench", i);
            var file = id + ".png";
            scenes.Add(new BenchmarkScene(id, file, scene, builder.Build(scene, id, file, random)));
        }

        return scenes;
    }

    private static string Id(string prefix, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}_{index:D6}");
}
