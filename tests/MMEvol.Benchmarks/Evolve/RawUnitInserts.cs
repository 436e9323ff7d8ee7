using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MMEvol.Benchmarks.Evolve;

/// <summary>
/// Writes the rounds and items an evolve run wrote into a copy of the store it started from,
/// with prepared commands and one transaction per round (the engine's unit; under contention the
/// engine groups several in one), nothing else: the floor of what committing them can cost here.
/// </summary>
internal static class RawUnitInserts
{
    public static TimeSpan Run(string evolvedStore, string targetStore)
    {
        var (roundColumns, rounds) = Read(evolvedStore, $"SELECT {StoredColumns(evolvedStore, "Rounds")} FROM Rounds WHERE Number > 0 ORDER BY Id");
        var (itemColumns, items) = Read(evolvedStore, $"SELECT {StoredColumns(evolvedStore, "Items")} FROM Items WHERE RoundNumber > 0 ORDER BY RoundId, \"Index\"");
        var roundId = Array.IndexOf(roundColumns, "Id");
        var itemRound = Array.IndexOf(itemColumns, "RoundId");
        var itemsByRound = items.ToLookup(i => (long)i[itemRound]);

        using var connection = new SqliteConnection($"Data Source={targetStore}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            pragma.ExecuteNonQuery();
        }
        using var insertRound = Prepare(connection, "Rounds", roundColumns);
        using var insertItem = Prepare(connection, "Items", itemColumns);
        var watch = Stopwatch.StartNew();
        foreach (var round in rounds)
        {
            using var transaction = connection.BeginTransaction();
            Execute(insertRound, transaction, round);
            foreach (var item in itemsByRound[(long)round[roundId]])
                Execute(insertItem, transaction, item);
            transaction.Commit();
        }
        return watch.Elapsed;
    }

    /// <summary>The table's columns less the generated ones, which cannot be inserted.</summary>
    private static string StoredColumns(string store, string table)
    {
        var (_, rows) = Read(store, $"SELECT name FROM pragma_table_xinfo('{table}') WHERE hidden NOT IN (2, 3)");
        return string.Join(", ", rows.Select(r => $"\"{r[0]}\""));
    }

    private static (string[] Columns, List<object[]> Rows) Read(string store, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return (columns, rows);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        return command;
    }

    private static void Execute(SqliteCommand command, SqliteTransaction transaction, object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
