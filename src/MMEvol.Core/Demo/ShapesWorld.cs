using MMEvol.Core.Storage;

namespace MMEvol.Core.Demo;

/// <summary>
/// The embedded demo data: a seed set of synthetic shape pictures with captions, detections
/// and simple questions, and a held-out benchmark with exact answers (existence in POPE's
/// three samplings, counting, color, position, comparison, multiple choice).
/// </summary>
/// <param name="ImageDirectory">Absolute folder of the training images.</param>
/// <param name="BenchmarkFile">Absolute path of benchmark.json.</param>
/// <param name="BenchmarkImageDirectory">Absolute folder of the benchmark images; items name files relative to it.</param>
/// <param name="BenchmarkItems">The number of items in benchmark.json.</param>
public sealed record ShapesWorld(
    IReadOnlyList<ShapesRecord> Records,
    string ImageDirectory,
    string BenchmarkFile,
    string BenchmarkImageDirectory,
    int BenchmarkItems)
{
    /// <summary>
    /// Writes training images to &lt;directory&gt;/images/, benchmark images to
    /// &lt;directory&gt;/benchmark/images/ and &lt;directory&gt;/benchmark/benchmark.json. Existing files
    /// of the same names are replaced; other files are left alone. The training records are
    /// returned, not written. Same options, same bytes.
    /// </summary>
    /// <param name="progress">Images written so far, training and benchmark together.</param>
    public static ShapesWorld Generate(string directory, ShapesWorldOptions options, IProgress<int>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var root = Path.GetFullPath(directory);
        var imageDirectory = Directory.CreateDirectory(Path.Combine(root, "images")).FullName;
        var benchmarkDirectory = Directory.CreateDirectory(Path.Combine(root, "benchmark")).FullName;
        var benchmarkImages = Directory.CreateDirectory(Path.Combine(benchmarkDirectory, "images")).FullName;

        var records = ShapesWorldBuilder.Training(options);
        var benchmark = ShapesWorldBuilder.Benchmark(options, records);
        var pictures = records.Select(r => (Path.Combine(imageDirectory, r.ImageFile), r.Scene))
            .Concat(benchmark.Select(b => (Path.Combine(benchmarkImages, b.ImageFile), b.Scene)))
            .ToList();
        WritePictures(pictures, progress);

        // Written last: a benchmark.json that exists always names images that exist.
        var items = benchmark.SelectMany(s => s.Items).ToList();
        var benchmarkFile = Path.Combine(benchmarkDirectory, BenchmarkJson.FileName);
        BenchmarkJson.WriteFile(benchmarkFile, items);
        return new ShapesWorld(records, imageDirectory, benchmarkFile, benchmarkImages, items.Count);
    }

    // Scenes are drawn first, in order, from the seeded streams; rendering them is pure, so it
    // runs in parallel chunks while files are written and progress reported in order.
    private static void WritePictures(List<(string Path, Scene Scene)> pictures, IProgress<int>? progress)
    {
        const int chunk = 32;
        for (var start = 0; start < pictures.Count; start += chunk)
        {
            var count = Math.Min(chunk, pictures.Count - start);
            var pngs = new byte[count][];
            Parallel.For(0, count, i => pngs[i] = SceneRenderer.RenderPng(pictures[start + i].Scene));
            for (var i = 0; i < count; i++)
            {
                AtomicFile.WriteAllBytes(pictures[start + i].Path, pngs[i]);
                progress?.Report(start + i + 1);
            }
        }
    }
}
