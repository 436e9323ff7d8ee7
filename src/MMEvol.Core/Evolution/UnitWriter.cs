using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>
/// Commits units (a round with its items, verdicts and decisions) through commands prepared once
/// per run. Units evolve concurrently but one connection writes, so commits are grouped: a unit
/// joins the queue, and whichever caller holds the write turn commits every unit waiting then in
/// one transaction, answering each once it has committed. Waiting callers hold no thread (a lock
/// here had 16 workers spinning on 2 cores), and a busy run pays one commit per group instead of
/// one per unit; with nobody else waiting a unit commits alone, at once, on its caller's thread.
/// A unit another worker committed meanwhile loses the race on the (record, round) unique index
/// and is reported as skipped, never duplicated.
/// </summary>
internal sealed class UnitWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly BulkInserter<EvolutionRound> _rounds;
    private readonly BulkInserter<Instruction> _items;
    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _turn = new(1, 1);

    // Items committed since this writer last indexed text: FTS5 makes every commit that touches it
    // write a segment and merge, so units that commit alone would pay that each; the few items
    // past the index's reach are read directly by searches meanwhile.
    private int _unindexed;

    public UnitWriter(WorkbenchDb db)
    {
        db.Database.OpenConnection();
        _connection = (SqliteConnection)db.Database.GetDbConnection();
        _rounds = new BulkInserter<EvolutionRound>(db, _connection);
        _items = new BulkInserter<Instruction>(db, _connection);
    }

    /// <returns>False when the round already exists (another worker wrote it first).</returns>
    public async Task<bool> CommitAsync(EvolutionRound round, IReadOnlyList<Instruction> items, int? replaces)
    {
        var pending = new Pending(round, items, replaces);
        _queue.Enqueue(pending);
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            // The holder before us may have committed this unit with its own group.
            if (!pending.Done.Task.IsCompleted)
                CommitWaiting();
        }
        finally
        {
            _turn.Release();
        }
        return await pending.Done.Task.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _rounds.Dispose();
        _items.Dispose();
        _turn.Dispose();
    }

    private void CommitWaiting()
    {
        var group = new List<Pending>();
        while (_queue.TryDequeue(out var pending))
            group.Add(pending);
        try
        {
            var written = CommitGroup(group);
            for (var i = 0; i < group.Count; i++)
                group[i].Done.SetResult(written[i]);
        }
        catch (Exception e)
        {
            foreach (var pending in group)
                pending.Done.TrySetException(e);
        }
    }

    private bool[] CommitGroup(List<Pending> group)
    {
        var written = new bool[group.Count];
        using var transaction = _connection.BeginTransaction();
        _rounds.Transaction = transaction;
        _items.Transaction = transaction;
        for (var i = 0; i < group.Count; i++)
        {
            // Only a replacing unit writes (its delete) before it can lose the race; that needs undoing alone.
            var undoable = group[i].Replaces is not null;
            if (undoable)
                transaction.Save("unit");
            written[i] = Write(group[i], transaction);
            if (undoable && !written[i])
                transaction.Rollback("unit");
            if (undoable)
                transaction.Release("unit");
        }
        _unindexed += group.Where((_, i) => written[i]).Sum(unit => unit.Items.Count);
        if (_unindexed >= ItemTextIndex.CatchUpEvery)
        {
            ItemTextIndex.CatchUp(_connection, transaction);
            _unindexed = 0;
        }
        transaction.Commit();
        return written;
    }
    private bool Write(Pending unit, SqliteTransaction transaction)
    {
        if (unit.Replaces is { } failed)
        {
            using var delete = _connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM Rounds WHERE Id = $id AND Status = 'Failed'";
            delete.Parameters.AddWithValue("$id", failed);
            if (delete.ExecuteNonQuery() == 0)
                return false;
        }
        try
        {
            _rounds.Insert(unit.Round);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19) // constraint: the round exists
        {
            return false;
        }
        foreach (var item in unit.Items)
        {
            item.RoundId = unit.Round.Id;
            _items.Insert(item);
        }
        return true;
    }

    private sealed record Pending(EvolutionRound Round, IReadOnlyList<Instruction> Items, int? Replaces)
    {
        // Continuations run elsewhere: the committing caller goes straight on.
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
