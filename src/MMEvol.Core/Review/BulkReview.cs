using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Review;

/// <summary>
/// One decision on every item a review filter matches, and its undo as one. The reviewer confirms
/// a count before anything runs; the action runs in one transaction and is refused when the
/// filter no longer matches that count (someone changed the data in between), so what is written
/// is exactly what was confirmed.
/// </summary>
public sealed class BulkReview(IDbContextFactory<WorkbenchDb> factory, TimeProvider time)
{
    // Items loaded and saved per round trip: bounded memory whatever the filter matches.
    private const int Batch = 2000;

    public async Task<BulkResult> ApplyAsync(ReviewFilter filter, ReviewCommand command, int confirmedCount, string user, string? note = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Action == ReviewAction.CorrectScore)
            throw new ArgumentException("Scores are corrected one item at a time.", nameof(command));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await (await ReviewFilters.MatchingAsync(db, filter, cancellationToken)).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        if (ids.Count != confirmedCount)
            return BulkResult.Refused($"The filter now matches {ids.Count:N0} items, not the {confirmedCount:N0} you confirmed; nothing was changed.");

        var bulkId = Guid.NewGuid();
        var at = time.GetUtcNow();
        var changed = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            var items = await db.Instructions.Where(i => chunk.Contains(i.Id)).ToListAsync(cancellationToken);
            foreach (var item in items.Where(i => ReviewActions.Changes(i, command.Action)))
            {
                var before = ItemState.Of(item);
                ReviewActions.Perform(item, command.Action);
                db.Reviews.Add(Entry(item, before, command.Action, bulkId, user, at, note));
                changed++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        return new BulkResult(bulkId, changed, ids.Count - changed, null);
    }

    /// <summary>
    /// Puts back every item of the bulk action that is still as the action left it; an item
    /// changed since (a later review, a policy) is left alone and counted as unchanged.
    /// </summary>
    public async Task<BulkResult> UndoAsync(Guid bulkId, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entries = await db.Reviews.AsNoTracking().Where(r => r.BulkId == bulkId && r.InstructionId != null).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (entries.Count == 0)
            return BulkResult.Refused($"No bulk action {bulkId} with item reviews exists.");

        var undoId = Guid.NewGuid();
        var at = time.GetUtcNow();
        var restored = 0;
        foreach (var chunk in entries.Chunk(Batch))
        {
            var ids = chunk.Select(e => e.InstructionId!.Value).ToList();
            var items = await db.Instructions.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            foreach (var entry in chunk)
            {
                if (!items.TryGetValue(entry.InstructionId!.Value, out var item) || ItemState.FromJson(entry.Before) is not { } was
                    || ItemState.FromJson(entry.After) is not { } made || !ItemState.Of(item).SameReviewAs(made))
                    continue;
                var before = ItemState.Of(item);
                ReviewActions.Restore(item, was);
                db.Reviews.Add(Entry(item, before, ReviewAction.Undo, undoId, user, at, $"undoes bulk action {bulkId}"));
                restored++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        return new BulkResult(undoId, restored, entries.Count - restored, null);
    }

    /// <summary>The dataset's latest bulk actions, newest first.</summary>
    public async Task<IReadOnlyList<BulkSummary>> RecentAsync(int datasetId, int take = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var groups = await db.Reviews.AsNoTracking()
            .Where(r => r.DatasetId == datasetId && r.BulkId != null)
            .GroupBy(r => r.BulkId)
            .Select(g => new { BulkId = g.Key!.Value, First = g.Min(r => r.Id), Items = g.Count() })
            .OrderByDescending(g => g.First)
            .Take(take)
            .ToListAsync(cancellationToken);
        var firsts = groups.Select(g => g.First).ToList();
        var heads = await db.Reviews.AsNoTracking().Where(r => firsts.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        return groups.Select(g => (Group: g, Head: heads[g.First]))
            .Select(x => new BulkSummary(x.Group.BulkId, x.Head.Action, x.Head.User, x.Head.At, x.Group.Items, x.Head.Note))
            .ToList();
    }

    private static Model.Review Entry(Instruction item, ItemState before, ReviewAction action, Guid bulkId, string user, DateTimeOffset at, string? note) => new()
    {
        DatasetId = item.DatasetId,
        InstructionId = item.Id,
        Action = action,
        BulkId = bulkId,
        User = user,
        At = at,
        Before = before.ToJson(),
        After = ItemState.Of(item).ToJson(),
        Note = note,
    };
}
