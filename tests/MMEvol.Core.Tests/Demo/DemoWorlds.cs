using MMEvol.Core.Demo;

namespace MMEvol.Core.Tests.Demo;

/// <summary>The default Shapes world drawn in memory once for all tests that only read it.</summary>
internal static class DemoWorlds
{
    private static readonly Lazy<(IReadOnlyList<ShapesRecord>, IReadOnlyList<BenchmarkScene>)> Default = new(() =>
    {
        var options = new ShapesWorldOptions();
        var training = ShapesWorldBuilder.Training(options);
        return (training, ShapesWorldBuilder.Benchmark(options, training));
    });

    public static IReadOnlyList<ShapesRecord> Training => Default.Value.Item1;

    public static IReadOnlyList<BenchmarkScene> Benchmark => Default.Value.Item2;

    public static IEnumerable<Scene> Scenes(int count, int seed = 11)
    {
        var generator = new SceneGenerator();
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return generator.Generate(random);
        }
    }

    public static SceneObject Find(Scene scene, string label) => Assert.Single(scene.Objects, o => o.Label == label);
}
