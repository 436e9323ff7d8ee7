using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Benchmarks.Review;
using MMEvol.Benchmarks.Web;
using MMEvol.Core.Model;
using MMEvol.Core.Thresholds;

namespace MMEvol.Benchmarks.Thresholds;

/// <summary>
/// Issue 6's figures on the generated store of the review benchmark (165,000 records, about
/// 2,000,000 items), inside the real web host: a threshold preview with counts, histograms and the
/// first 100 flips (target under 100 ms) beside the bare scan of the same packed items; applying a
/// policy (under 10 s) beside the bare SQL UPDATE of the same decisions; the web process's memory
/// with that store's snapshot loaded (under 1.5 GiB).
/// </summary>
internal static class ThresholdsBenchmark
{
    private const double PreviewTargetMs = 100, ApplyTargetSeconds = 10, MemoryTargetGiB = 1.5;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ReviewBenchmarkOptions.Parse(args);
        var root = Path.Combine(Path.GetTempPath(), "mmevol-bench", "review");
        var store = await ReviewStore.EnsureAsync(root, options.Records, options.Regenerate);
        await using var host = BenchmarkWebHost.Start(store.File, Path.Combine(Path.GetTempPath(), "mmevol-bench", "thresholds"));
        var previewer = host.Services.GetRequiredService<ThresholdPreviewer>();
        var memoryBefore = WorkingSet();

        // The page itself, as a signed-in browser opens it: its prerender reads the snapshot.
        using var client = host.Client();
        await host.SignInAsync(client);
        var watch = Stopwatch.StartNew();
        await BenchmarkWebHost.GetAsync(client, $"/thresholds?dataset={Uri.EscapeDataString(store.DatasetName)}");
        var firstOpen = watch.Elapsed;
        // What the live page does next: its first preview reads the dataset's snapshot.
        var current = await previewer.CurrentAsync(store.DatasetId);
        watch.Restart();
        await previewer.PreviewAsync(store.DatasetId, current);
        var firstPreview = watch.Elapsed;
        GC.Collect();
        var memoryLoaded = WorkingSet();

        var proposals = Enumerable.Range(0, options.Iterations).Select(Proposal).ToList();
        var snapshot = await SnapshotAsync(host, store.DatasetId);
        var previews = new List<double>();
        var scans = new List<double>();
        var checksum = 0L;
        foreach (var proposal in proposals)
        {
            watch.Restart();
            var preview = await previewer.PreviewAsync(store.DatasetId, proposal);
            previews.Add(watch.Elapsed.TotalMilliseconds);
            checksum += preview.FlipCount;
            watch.Restart();
            checksum += BareScan(snapshot, proposal.MinScore ?? 0);
            scans.Add(watch.Elapsed.TotalMilliseconds);
        }
        var last = await previewer.PreviewAsync(store.DatasetId, proposals[^1]);

        // The generated decisions follow no policy, so the first apply re-decides a large share of the
        // items; a curator's next change flips only what its preview lists. Both are timed.
        watch.Restart();
        await previewer.ApplyAsync(store.DatasetId, proposals[^2], "benchmark");
        var firstApply = watch.Elapsed;
        var next = await previewer.PreviewAsync(store.DatasetId, proposals[^1]);
        watch.Restart();
        var applied = await previewer.ApplyAsync(store.DatasetId, proposals[^1], "benchmark");
        var apply = watch.Elapsed;
        watch.Restart();
        var bareUpdated = await BareUpdateAsync(host.Data.DatabaseFile, store.DatasetId, proposals[^1].MinScore ?? 0);
        var bareApply = watch.Elapsed;

        var preview95 = Percentile(previews, 0.95);
        Console.WriteLine();
        Console.WriteLine($"Governed items: {snapshot.Items.Length:N0}; policy v{current.Version} -> v{applied.Version}; the last proposal flipped {last.FlipCount:N0} of the generated decisions (checksum {checksum})");
        Console.WriteLine($"{"measure",-52}{"figure",18}{"baseline in the same run",36}");
        Console.WriteLine($"{"GET /thresholds, signed in (prerendered page)",-52}{firstOpen.TotalMilliseconds,15:N0} ms{"",36}");
        Console.WriteLine($"{"first preview (reads the snapshot once)",-52}{firstPreview.TotalSeconds,16:N2} s{"",36}");
        Console.WriteLine($"{"preview: counts, histograms, first 100 flips (ms)",-52}{$"p50 {Percentile(previews, 0.5):N1} p95 {preview95:N1}",20}  {$"bare scan of the packed items: p50 {Percentile(scans, 0.5):N1} p95 {Percentile(scans, 0.95):N1}",36}");
        Console.WriteLine($"{"first apply, over the generated decisions",-52}{firstApply.TotalSeconds,16:N2} s");
        Console.WriteLine($"{$"apply the next change ({next.FlipCount:N0} flips)",-52}{apply.TotalSeconds,16:N2} s  {$"bare UPDATE of all {bareUpdated:N0} rows: {bareApply.TotalSeconds:N2} s",36}");
        Console.WriteLine($"{"web process memory, snapshot loaded",-52}{memoryLoaded / 1048576.0,15:N0} MiB  {$"before opening the page: {memoryBefore / 1048576.0:N0} MiB",36}");
        Console.WriteLine();
        Console.WriteLine($"verdict: preview p95 {preview95:N1} ms (target < {PreviewTargetMs} ms): {Verdict(preview95 < PreviewTargetMs)}; " +
            $"apply {apply.TotalSeconds:N1} s (target < {ApplyTargetSeconds} s): {Verdict(apply.TotalSeconds < ApplyTargetSeconds)}; " +
            $"memory {memoryLoaded / 1073741824.0:N2} GiB (target < {MemoryTargetGiB} GiB): {Verdict(memoryLoaded / 1073741824.0 < MemoryTargetGiB)}; on {Environment.ProcessorCount} cores");
        return 0;
    }

    /// <summary>Proposals a curator would try in turn: the score slider moved, gates toggled.</summary>
    private static EliminationPolicy Proposal(int n) => new()
    {
        CreatedBy = "benchmark",
        MinScore = n % 11 * 0.5 + 2,
        MinStepGain = n % 3 == 0 ? 1 : null,
        GroundedOnly = n % 4 == 0,
        RequireImproved = n % 5 != 0,
    };

    private static async Task<PolicySnapshot> SnapshotAsync(BenchmarkWebHost host, int datasetId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MMEvol.Core.Data.WorkbenchDb>>().CreateDbContextAsync();
        return await PolicySnapshot.LoadAsync(db, datasetId);
    }

    /// <summary>The arithmetic floor: one pass counting what a score threshold keeps, nothing else.</summary>
    private static long BareScan(PolicySnapshot snapshot, double minScore)
    {
        var kept = 0L;
        foreach (ref readonly var item in snapshot.Items.AsSpan())
        {
            if (item.Improved != false && (!item.HasScore || item.Score >= minScore))
                kept++;
        }
        return kept;
    }

    /// <summary>
    /// The naive re-decision as one hand-written UPDATE of every governed row (no audit, no version,
    /// no policy row): what applying cost before it wrote only the rows whose decision changes.
    /// </summary>
    private static async Task<int> BareUpdateAsync(string databaseFile, int datasetId, double minScore)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE Items SET AutoDecision = CASE WHEN (Improved IS NULL OR Improved = 1) AND (EffectiveScore IS NULL OR EffectiveScore >= $min)
                THEN 'Kept' ELSE 'Eliminated' END
            WHERE DatasetId = $dataset AND RoundNumber > 0
            """;
        command.Parameters.AddWithValue("$min", minScore);
        command.Parameters.AddWithValue("$dataset", datasetId);
        return await command.ExecuteNonQueryAsync();
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
