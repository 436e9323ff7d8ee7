using System.Security.Cryptography;
using MMEvol.Core.Demo;
using SixLabors.ImageSharp;

namespace MMEvol.Core.Tests.Demo;

public sealed class ShapesWorldTests
{
    private static readonly ShapesWorldOptions Small = new(Images: 40, BenchmarkImages: 15, Seed: 7, CanvasSize: 128);

    [Fact]
    public void Generate_SameOptions_IdenticalBytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        ShapesWorld.Generate(first.Path, Small);
        ShapesWorld.Generate(second.Path, Small);

        var files = Files(first.Path);
        Assert.Equal(40 + 15 + 1, files.Count);
        Assert.Equal(files.Keys, Files(second.Path).Keys);
        Assert.All(files, f => Assert.Equal(f.Value, Files(second.Path)[f.Key]));
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentBytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        ShapesWorld.Generate(first.Path, Small);
        ShapesWorld.Generate(second.Path, Small with { Seed = 8 });

        var a = Files(first.Path);
        var b = Files(second.Path);
        Assert.NotEqual(a[Path.Combine("images", "shapes_000001.png")], b[Path.Combine("images", "shapes_000001.png")]);
        Assert.NotEqual(a[Path.Combine("benchmark", "benchmark.json")], b[Path.Combine("benchmark", "benchmark.json")]);
    }

    [Fact]
    public void Generate_SmallWorld_WritesRecordsImagesAndBenchmark()
    {
        using var temp = new TempDirectory();
        var reports = new List<int>();

        var world = ShapesWorld.Generate(temp.Path, Small, new SynchronousProgress(reports.Add));

        Assert.Equal(40, world.Records.Count);
        Assert.Equal("shapes_000001", world.Records[0].Id);
        Assert.Equal("shapes_000001.png", world.Records[0].ImageFile);
        Assert.All(world.Records, r => Assert.True(File.Exists(Path.Combine(world.ImageDirectory, r.ImageFile))));
        Assert.All(world.Records, r => Assert.Equal(r.Scene.Detections(), r.Detections));
        Assert.Equal(Enumerable.Range(1, 55), reports);
        var items = BenchmarkJson.ReadFile(world.BenchmarkFile);
        Assert.Equal(world.BenchmarkItems, items.Count);
        Assert.All(items, i => Assert.True(File.Exists(Path.Combine(world.BenchmarkImageDirectory, i.Image))));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Generate_Images_DecodeToCanvasSizeAndNoBenchmarkImageEqualsATrainingOne()
    {
        using var temp = new TempDirectory();

        var world = ShapesWorld.Generate(temp.Path, Small);

        var training = Directory.GetFiles(world.ImageDirectory).Select(Hash).ToHashSet();
        var benchmark = Directory.GetFiles(world.BenchmarkImageDirectory).Select(Hash).ToList();
        Assert.Equal(40, training.Count);
        Assert.Equal(15, benchmark.Distinct().Count());
        Assert.All(benchmark, h => Assert.DoesNotContain(h, training));
        Assert.All(Directory.GetFiles(temp.Path, "*.png", SearchOption.AllDirectories), path =>
        {
            var info = Image.Identify(path);
            Assert.Equal((128, 128), (info.Width, info.Height));
        });
    }

    [Fact]
    public void Generate_InvalidOptions_Throws()
    {
        using var temp = new TempDirectory();

        Assert.Throws<ArgumentOutOfRangeException>(() => ShapesWorld.Generate(temp.Path, Small with { Images = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShapesWorld.Generate(temp.Path, Small with { CanvasSize = 32 }));
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(root, p), File.ReadAllBytes);

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    // Progress<T> posts to the thread pool; the test needs the reports in order and complete.
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
