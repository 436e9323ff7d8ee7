using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Data;
using MMEvol.Core.Review;
using MMEvol.Core.Storage;

namespace MMEvol.Benchmarks.Review;

/// <summary>
/// Issue 5's figures on a generated store of 165,000 records and about 2,000,000 items: the data
/// layer's time for a filtered review page of 50 rows (target p95 under 100 ms, keyset paging) and
/// for one record's full lineage (under 50 ms), each beside the bare indexed SQL of the same reads;
/// then the full HTTP render of the review page beside a static asset and the sign-in page.
/// </summary>
internal static class ReviewBenchmark
{
    public const double PageTargetMs = 100;
    public const double LineageTargetMs = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ReviewBenchmarkOptions.Parse(args);
        var root = Path.Combine(Path.GetTempPath(), "mmevol-bench", "review");
        var store = await ReviewStore.EnsureAsync(root, options.Records, options.Regenerate);

        (List<(string Page, double P95)> Pages, double LineageP95) layer;
        await using (var services = new ServiceCollection()
            .AddLogging()
            .AddWorkbenchStore(new DataDirectory(root, store.File))
            .AddReview()
            .BuildServiceProvider())
        using (var bare = new BareReviewSql(store.File))
        {
            layer = await new ReviewLayerBenchmark(services.GetRequiredService<ReviewQuery>(), services.GetRequiredService<LineageQuery>(), bare, options)
                .RunAsync(store.DatasetId, options.Records);
        }
        SqliteConnection.ClearAllPools();

        if (options.Http)
            await ReviewHttpBenchmark.RunAsync(store, Path.Combine(root, "web"), options);

        Console.WriteLine();
        var missed = layer.Pages.Where(p => p.P95 >= PageTargetMs).Select(p => $"{p.Page} at {p.P95:N1} ms").ToList();
        var worstMet = layer.Pages.Where(p => p.P95 < PageTargetMs).Select(p => p.P95).DefaultIfEmpty().Max();
        Console.WriteLine($"verdict: page p95 < {PageTargetMs} ms met in {layer.Pages.Count - missed.Count} of {layer.Pages.Count} cases (worst {worstMet:N1} ms)" +
            (missed.Count == 0 ? "" : $", MISSED by {string.Join("; ", missed)}") +
            $"; lineage p95 {layer.LineageP95:N1} ms (target < {LineageTargetMs} ms): {(layer.LineageP95 < LineageTargetMs ? "met" : "MISSED")}; " +
            $"on {Environment.ProcessorCount} cores");
        return 0;
    }
}
