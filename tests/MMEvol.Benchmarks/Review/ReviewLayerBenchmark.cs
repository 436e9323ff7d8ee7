using MMEvol.Core.Review;

namespace MMEvol.Benchmarks.Review;

/// <summary>
/// The data layer's figures: for each case the first page and a deep one reached by keyset cursor,
/// each beside the hand-written SQL of the same page; the counts beside a bare COUNT(*); lineages
/// of random records beside three bare SELECTs.
/// </summary>
internal sealed class ReviewLayerBenchmark(ReviewQuery pages, LineageQuery lineages, BareReviewSql bare, ReviewBenchmarkOptions options)
{
    private const int WarmUp = 3;

    /// <summary>Prints the tables; returns each page's p95 and the lineage p95, in milliseconds.</summary>
    public async Task<(List<(string Page, double P95)> Pages, double LineageP95)> RunAsync(int datasetId, int records)
    {
        Console.WriteLine();
        Console.WriteLine($"Review pages of 50 rows, {options.Iterations} calls each after {WarmUp} warm-up calls, data layer and bare SQL in turn (ms):");
        Console.WriteLine($"{"filter",-38}{"page",6}{"data layer p50/p95/max",24}{"bare SQL p50/p95/max",24}{"p95 ratio",11}");
        var p95s = new List<(string, double)>();
        foreach (var test in ReviewCase.All(datasetId))
        {
            var (deep, reached) = await CursorAtAsync(test.Filter, options.DeepPage);
            // A list of one page has no deep page to measure.
            var measured = reached > 1 ? new[] { (1, (ReviewCursor?)null), (reached, deep) } : [(1, null)];
            foreach (var (page, cursor) in measured)
            {
                var (layer, floor) = await Both(WarmUp, options.Iterations,
                    _ => pages.PageAsync(test.Filter, cursor), _ => bare.PageAsync(test.Filter, cursor));
                p95s.Add(($"{test.Name}, page {page}", layer.P95));
                Console.WriteLine($"{test.Name,-38}{page,6}{layer,24}{floor,24}{layer.P95 / floor.P95,10:N1}x");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Counts, {options.CountIterations} calls each after 1 warm-up call (ms):");
        Console.WriteLine($"{"filter",-38}{"items",12}{"CountAsync p50/p95/max",24}{"bare COUNT(*) p50/p95/max",27}");
        foreach (var test in ReviewCase.All(datasetId))
        {
            var items = await pages.CountAsync(test.Filter);
            var (layer, floor) = await Both(1, options.CountIterations, _ => pages.CountAsync(test.Filter), _ => bare.CountAsync(test.Filter));
            Console.WriteLine($"{test.Name,-38}{items,12:N0}{layer,24}{floor,27}");
        }

        var random = new Random(7);
        var ids = Enumerable.Range(0, WarmUp + options.LineageIterations).Select(_ => random.Next(1, records + 1)).ToArray();
        var (lineage, lineageFloor) = await Both(WarmUp, options.LineageIterations, i => lineages.LoadAsync(ids[i]), i => bare.LineageAsync(ids[i]));
        Console.WriteLine();
        Console.WriteLine($"One record's full lineage, {options.LineageIterations} random records (ms):");
        Console.WriteLine($"{"",-38}{"p50/p95/max",24}");
        Console.WriteLine($"{"LineageQuery.LoadAsync",-38}{lineage,24}");
        Console.WriteLine($"{"bare SELECTs (baseline)",-38}{lineageFloor,24}");
        return (p95s, lineage.P95);
    }

    private static async Task<(Latency Layer, Latency Bare)> Both(int warmUp, int calls, Func<int, Task> layer, Func<int, Task> bare)
    {
        var latencies = await Latency.InTurnAsync(warmUp, calls, layer, bare);
        return (latencies[0], latencies[1]);
    }

    /// <summary>The cursor that opens page <paramref name="page"/> (or the last page, for a short list), walked page by page.</summary>
    private async Task<(ReviewCursor? Cursor, int Page)> CursorAtAsync(ReviewFilter filter, int page)
    {
        ReviewCursor? cursor = null;
        for (var reached = 1; reached < page; reached++)
        {
            var next = await pages.PageAsync(filter, cursor);
            if (!next.HasMore)
                return (cursor, reached);
            cursor = next.Next;
        }
        return (cursor, page);
    }
}
