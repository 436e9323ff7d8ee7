using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using MMEvol.Core.Data;
using MMEvol.Core.Import;
using MMEvol.Core.Storage;

namespace MMEvol.Benchmarks.Import;

/// <summary>
/// Issue 2's figure: importing MMEvol's seed-set size (165,000 LLaVA records, 165,000 distinct
/// image files, headers validated) against a raw prepared-insert loop of the same rows.
/// Targets: within 2.5x of the raw loop, under 60 s on 2 cores, peak memory under 1 GiB.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 165_000;
        var root = Path.Combine(Path.GetTempPath(), "mmevol-bench");
        var corpus = ImportCorpus.Ensure(root, records);
        Console.WriteLine($"Corpus: {corpus.Records:N0} records, {corpus.Items:N0} items, {new FileInfo(corpus.File).Length / 1e6:N1} MB of JSON, {corpus.Records:N0} PNG files");

        // The baseline runs before and after the import and the faster run counts: a machine that is
        // still flushing the freshly made corpus must not make the import look better than it is.
        var before = await BaselineAsync(root, corpus);

        var importDb = await FreshStoreAsync(root, "import");
        ImportReport report;
        long peak;
        var import = Stopwatch.StartNew();
        using (var memory = new MemorySampler())
        {
            await using var db = WorkbenchStore.Open(importDb);
            report = await new Importer(new DataDirectory(root, importDb), TimeProvider.System)
                .ImportAsync(db, new ImportOptions(corpus.File, "bench") { ImageRoot = corpus.Images });
            peak = memory.PeakBytes;
        }
        import.Stop();
        if (report.Imported != corpus.Records || report.Refused.Count > 0)
            throw new InvalidOperationException($"The import refused {report.Refused.Count} records: {report.Refused.FirstOrDefault()}");

        var after = await BaselineAsync(root, corpus);
        var baseline = before < after ? before : after;
        var ratio = import.Elapsed / baseline;
        Console.WriteLine();
        Console.WriteLine($"{"",-34}{"seconds",10}{"records/s",12}");
        Console.WriteLine($"{"raw prepared-insert loop, before",-34}{before.TotalSeconds,10:N2}{corpus.Records / before.TotalSeconds,12:N0}");
        Console.WriteLine($"{"raw prepared-insert loop, after",-34}{after.TotalSeconds,10:N2}{corpus.Records / after.TotalSeconds,12:N0}");
        Console.WriteLine($"{"mmevol import",-34}{import.Elapsed.TotalSeconds,10:N2}{corpus.Records / import.Elapsed.TotalSeconds,12:N0}");
        Console.WriteLine();
        Console.WriteLine($"ratio import / faster baseline: {ratio:N2}x (target <= 2.5x)");
        Console.WriteLine($"import time: {import.Elapsed.TotalSeconds:N1} s (target < 60 s) on {Environment.ProcessorCount} cores");
        Console.WriteLine($"peak working set during import: {peak / 1048576.0:N0} MiB (target < 1024 MiB)");
        return 0;
    }

    private static async Task<TimeSpan> BaselineAsync(string root, ImportCorpus corpus)
    {
        var file = await FreshStoreAsync(root, "baseline");
        var watch = Stopwatch.StartNew();
        RawInsertBaseline.Run(file, datasetId: 1, corpus);
        return watch.Elapsed;
    }

    private static async Task<string> FreshStoreAsync(string root, string name)
    {
        var file = Path.Combine(root, $"{name}.db");
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            File.Delete(f);
        await using var db = WorkbenchStore.Open(file);
        await WorkbenchStore.MigrateAsync(db);
        db.Datasets.Add(new Core.Model.Dataset { Name = "baseline", CreatedAt = DateTimeOffset.UnixEpoch });
        if (name == "baseline")
            await db.SaveChangesAsync();
        return file;
    }
}
