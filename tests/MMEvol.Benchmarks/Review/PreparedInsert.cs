using Microsoft.Data.Sqlite;

namespace MMEvol.Benchmarks.Review;

/// <summary>One prepared INSERT of the named columns; values are given in the same order, null for NULL.</summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly SqliteCommand _command;

    public PreparedInsert(SqliteConnection connection, string table, string columns)
    {
        var names = columns.Split(',', StringSplitOptions.TrimEntries);
        _command = connection.CreateCommand();
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) " +
            $"VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < names.Length; i++)
            _command.Parameters.Add(new SqliteParameter($"$p{i}", null));
    }

    public SqliteTransaction? Transaction
    {
        get => _command.Transaction;
        set => _command.Transaction = value;
    }

    public void Run(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            _command.Parameters[i].Value = values[i] ?? DBNull.Value;
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
