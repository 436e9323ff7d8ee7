using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>
/// Commits one unit (a round with its items, verdicts and decisions) in one short transaction
/// through commands prepared once per run. A unit another worker committed meanwhile loses the
/// race on the (record, round) unique index and is reported as skipped, never duplicated.
/// </summary>
internal sealed class UnitWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly BulkInserter<EvolutionRound> _rounds;
    private readonly BulkInserter<Instruction> _items;
    private readonly Lock _gate = new();

    public UnitWriter(WorkbenchDb db)
    {
        db.Database.OpenConnection();
        _connection = (SqliteConnection)db.Database.GetDbConnection();
        _rounds = new BulkInserter<EvolutionRound>(db, _connection);
        _items = new BulkInserter<Instruction>(db, _connection);
    }

    /// <returns>False when the round already exists (another worker wrote it first).</returns>
    public bool Commit(EvolutionRound round, IReadOnlyList<Instruction> items, int? replaces)
    {
        // Units evolve concurrently, but one connection writes: commits take turns.
        lock (_gate)
            return CommitAlone(round, items, replaces);
    }

    private bool CommitAlone(EvolutionRound round, IReadOnlyList<Instruction> items, int? replaces)
    {
        using var transaction = _connection.BeginTransaction();
        if (replaces is { } failed)
        {
            using var delete = _connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM Rounds WHERE Id = $id AND Status = 'Failed'";
            delete.Parameters.AddWithValue("$id", failed);
            if (delete.ExecuteNonQuery() == 0)
                return false;
        }
        _rounds.Transaction = transaction;
        _items.Transaction = transaction;
        try
        {
            _rounds.Insert(round);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19) // constraint: the round exists
        {
            return false;
        }
        foreach (var item in items)
        {
            item.RoundId = round.Id;
            _items.Insert(item);
        }
        transaction.Commit();
        return true;
    }

    public void Dispose()
    {
        _rounds.Dispose();
        _items.Dispose();
    }
}
