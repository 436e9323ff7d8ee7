using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core;
using MMEvol.Core.Data;
using MMEvol.Core.Demo;
using MMEvol.Core.Evolution;
using MMEvol.Core.Storage;

namespace MMEvol.Benchmarks.Evolve;

/// <summary>
/// Issue 3's figure: 10,000 Shapes images x 3 rounds evolved, judged, decided and committed
/// offline (target: under 60 s on 2 cores), beside a raw prepared-insert loop that writes the
/// very rows the run wrote, one transaction per unit as the engine commits them.
/// </summary>
internal static class EvolveBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var images = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var root = Path.Combine(Path.GetTempPath(), "mmevol-bench", $"evolve-{images}");
        var data = new DataDirectory(root, Path.Combine(root, "evolve.db"));
        var seedStore = await SeedStoreAsync(data, images);

        await using var services = await ServicesOnCopyAsync(seedStore, data);
        var run = services.GetRequiredService<EvolutionRun>();
        long peak;
        var watch = Stopwatch.StartNew();
        EvolutionSummary summary;
        using (var memory = new MemorySampler())
        {
            summary = await run.RunAsync(1, new EvolveSettings { Rounds = 3 }, null, null, _ => Task.CompletedTask, CancellationToken.None);
            peak = memory.PeakBytes;
        }
        watch.Stop();
        var items = summary.Rounds.Sum(r => r.Items);

        var baselineStore = Path.Combine(root, "baseline.db");
        Copy(seedStore, baselineStore);
        await using (var db = WorkbenchStore.Open(baselineStore))
            await WorkbenchStore.MigrateAsync(db);
        SqliteConnection.ClearAllPools();
        var baseline = RawUnitInserts.Run(data.DatabaseFile, baselineStore);

        Console.WriteLine($"{images:N0} images x 3 rounds: {summary.Units:N0} units (record x round), {items:N0} items, " +
            $"{summary.Rounds.Sum(r => r.Failed):N0} failed rounds");
        Console.WriteLine();
        Console.WriteLine($"{"",-42}{"seconds",10}{"items/s",12}{"units/s",12}");
        Console.WriteLine($"{"raw insert loop of the same rows (baseline)",-42}{baseline.TotalSeconds,10:N2}{items / baseline.TotalSeconds,12:N0}{summary.Units / baseline.TotalSeconds,12:N0}");
        Console.WriteLine($"{"evolve + judge + decide + commit",-42}{watch.Elapsed.TotalSeconds,10:N2}{items / watch.Elapsed.TotalSeconds,12:N0}{summary.Units / watch.Elapsed.TotalSeconds,12:N0}");
        Console.WriteLine();
        Console.WriteLine($"ratio evolve / baseline: {watch.Elapsed / baseline:N2}x");
        Console.WriteLine($"evolve time: {watch.Elapsed.TotalSeconds:N1} s (target < 60 s) on {Environment.ProcessorCount} cores; peak working set {peak / 1048576.0:N0} MiB");
        return 0;
    }

    /// <summary>The Shapes world imported once per size; each run starts from a copy of that store.</summary>
    internal static async Task<string> SeedStoreAsync(DataDirectory data, int images)
    {
        var seed = Path.Combine(data.Root, "seed.db");
        if (File.Exists(seed))
            return seed;
        Console.WriteLine($"Making the seed store once: {images:N0} Shapes images under {data.Root} ...");
        data.EnsureCreated();
        var world = DemoDataset.Generate(data, new ShapesWorldOptions(images, BenchmarkImages: 10));
        await using (var db = WorkbenchStore.Open(seed + ".tmp"))
        {
            await WorkbenchStore.MigrateAsync(db);
            await DemoDataset.ImportAsync(db, data, world, "shapes", TimeProvider.System);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        SqliteConnection.ClearAllPools();
        File.Move(seed + ".tmp", seed);
        return seed;
    }

    /// <summary>A fresh copy of the seed store, migrated, with the services a host composes around it.</summary>
    internal static async Task<ServiceProvider> ServicesOnCopyAsync(string seedStore, DataDirectory data)
    {
        Copy(seedStore, data.DatabaseFile);
        await using (var db = WorkbenchStore.Open(data.DatabaseFile))
            await WorkbenchStore.MigrateAsync(db);
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddWorkbench(data, runWorker: false)
            .BuildServiceProvider();
    }

    internal static void Copy(string from, string to)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(to + suffix);
        File.Copy(from, to);
    }
}
