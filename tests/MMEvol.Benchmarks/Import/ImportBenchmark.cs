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

        var baselineDb = await FreshStoreAsync(root, "baseline");
        var baseline = Stopwatch.StartNew();
        RawInsertBaseline.Run(baselineDb, datasetId: 1, corpus);
        baseline.Stop();

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

        var ratio = import.Elapsed / baseline.Elapsed;
        Console.WriteLine();
        Console.WriteLine($"{"",-34}{"seconds",10}{"records/s",12}");
        Console.WriteLine($"{"raw prepared-insert loop (baseline)",-34}{baseline.Elapsed.TotalSeconds,10:N2}{corpus.Records / baseline.Elapsed.TotalSeconds,12:N0}");
        Console.WriteLine($"{"mmevol import",-34}{import.Elapsed.TotalSeconds,10:N2}{corpus.Records / import.Elapsed.TotalSeconds,12:N0}");
        Console.WriteLine();
        Console.WriteLine($"ratio import / baseline: {ratio:N2}x (target <= 2.5x)");
        Console.WriteLine($"import time: {import.Elapsed.TotalSeconds:N1} s (target < 60 s) on {Environment.ProcessorCount} cores");
        Console.WriteLine($"peak working set during import: {peak / 1048576.0:N0} MiB (target < 1024 MiB)");
        return 0;
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
