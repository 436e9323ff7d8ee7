using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;

namespace MMEvol.Benchmarks.Review;

/// <summary>
/// The generated store, made once and reused while the schema (the newest migration) and the
/// generator's version match: making it is not what is measured. Created by the real migrations so
/// that the review indexes are the ones the app ships.
/// </summary>
internal sealed record ReviewStore(string File, int DatasetId, string DatasetName)
{
    // Bump when the generated data changes shape; the cache is remade.
    private const int GeneratorVersion = 2;

    public static async Task<ReviewStore> EnsureAsync(string folder, int records, bool regenerate)
    {
        Directory.CreateDirectory(folder);
        await using (var probe = WorkbenchStore.Open(":memory:"))
        {
            var schema = probe.Database.GetMigrations().Last();
            var store = new ReviewStore(Path.Combine(folder, $"review-{records}-v{GeneratorVersion}-{schema}.db"), 1, "review-bench");
            if (!regenerate && System.IO.File.Exists(store.File))
            {
                Console.WriteLine($"Store: {store.File} ({new FileInfo(store.File).Length / 1e9:N2} GB, reused; --regenerate to remake it)");
                return store;
            }
            foreach (var stale in Directory.EnumerateFiles(folder, "review-*.db*"))
                System.IO.File.Delete(stale);
            await GenerateAsync(store, records);
            return store;
        }
    }

    private static async Task GenerateAsync(ReviewStore store, int records)
    {
        Console.WriteLine($"Generating the store once: {records:N0} records under {Path.GetDirectoryName(store.File)} ...");
        var watch = Stopwatch.StartNew();
        var temporary = store.File + ".tmp";
        await using (var db = WorkbenchStore.Open(temporary))
            await WorkbenchStore.MigrateAsync(db);
        SqliteConnection.ClearAllPools();

        ReviewStoreCounts counts;
        using (var connection = new SqliteConnection($"Data Source={temporary};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF;");
            Execute(connection, $"INSERT INTO Datasets (Id, Name, CreatedAt, PolicyVersion) VALUES ({store.DatasetId}, '{store.DatasetName}', 0, 1)");
            // Loading into bare tables and building each index once afterwards is several times faster
            // than keeping ten indexes of two million rows up to date row by row; the SQL is the migrations'.
            var indexes = IndexSql(connection);
            foreach (var (name, _) in indexes)
                Execute(connection, $"DROP INDEX \"{name}\"");
            var rows = Stopwatch.StartNew();
            counts = new ReviewStoreWriter(connection, store.DatasetId, new Random(20261129)).Write(records);
            Console.WriteLine($"  rows written in {rows.Elapsed.TotalSeconds:N1} s: {counts}");
            var indexing = Stopwatch.StartNew();
            foreach (var (_, sql) in indexes)
                Execute(connection, sql);
            Console.WriteLine($"  {indexes.Count} indexes rebuilt in {indexing.Elapsed.TotalSeconds:N1} s");
            // The writers' own catch-up, here over every item at once.
            var text = Stopwatch.StartNew();
            Execute(connection, ItemTextIndex.CatchUpSql);
            Console.WriteLine($"  text index built in {text.Elapsed.TotalSeconds:N1} s");
            // The web host's background indexer, here over every item in one transaction.
            var phrases = Stopwatch.StartNew();
            using (var transaction = connection.BeginTransaction())
            {
                ItemPhraseIndex.CatchUp(connection, transaction, int.MaxValue);
                transaction.Commit();
            }
            Console.WriteLine($"  phrase index built in {phrases.Elapsed.TotalSeconds:N1} s");
            Execute(connection, "PRAGMA journal_mode = WAL;");
        }
        SqliteConnection.ClearAllPools();
        System.IO.File.Move(temporary, store.File);
        Console.WriteLine($"Store generated in {watch.Elapsed.TotalSeconds:N1} s: {store.File} ({new FileInfo(store.File).Length / 1e9:N2} GB)");
    }

    private static List<(string Name, string Sql)> IndexSql(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Records', 'Rounds', 'Items')";
        using var reader = command.ExecuteReader();
        var indexes = new List<(string, string)>();
        while (reader.Read())
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        return indexes;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
