using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Elimination;
using MMEvol.Core.Model;

namespace MMEvol.Core.Review;

/// <summary>
/// A reviewer's decisions on single items. Each is guarded by the item's version (optimistic
/// concurrency: the second of two reviewers saving over the same state is refused with what the
/// first saved) and committed with its audit entry in one transaction; success is reported only
/// after the commit.
/// </summary>
public sealed class ReviewActions(IDbContextFactory<WorkbenchDb> factory, TimeProvider time)
{
    public async Task<ReviewResult> ApplyAsync(long itemId, int expectedVersion, ReviewCommand command, string user, string? note = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var item = await db.Instructions.SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
            return new ReviewRefused($"Item {itemId} no longer exists.");
        if (item.Version != expectedVersion)
            return new ReviewConflict(ItemState.Of(item));

        var before = ItemState.Of(item);
        if (command.Action == ReviewAction.CorrectScore)
            await CorrectScoreAsync(db, item, command.Score, cancellationToken);
        else
            Perform(item, command.Action);
        return await SaveAsync(db, item, before, command.Action, user, note, cancellationToken);
    }

    /// <summary>
    /// Puts the item back as the entry found it, audited as an Undo. Refused as a conflict when the
    /// item is no longer as the entry left it (a later review, a policy that re-decided it): undoing
    /// would silently discard that. Undoing the latest entries one after another therefore works.
    /// </summary>
    public async Task<ReviewResult> UndoAsync(long reviewId, string user, string? note = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entry = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (entry is not { InstructionId: { } itemId } || ItemState.FromJson(entry.Before) is not { } was || ItemState.FromJson(entry.After) is not { } made)
            return new ReviewRefused($"Review entry {reviewId} is not a review of one item and cannot be undone here.");
        var item = await db.Instructions.SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
            return new ReviewRefused($"Item {itemId} no longer exists.");
        var before = ItemState.Of(item);
        if (!before.SameReviewAs(made))
            return new ReviewConflict(before);

        Restore(item, was);
        if (item.ReviewerScore != was.ReviewerScore)
            await CorrectScoreAsync(db, item, was.ReviewerScore, cancellationToken);
        var why = note is null ? $"undoes #{reviewId}" : $"undoes #{reviewId}: {note}";
        return await SaveAsync(db, item, before, ReviewAction.Undo, user, why, cancellationToken);
    }

    /// <summary>A decision on the item (not a score correction, which needs the store's policy).</summary>
    internal static void Perform(Instruction item, ReviewAction action)
    {
        switch (action)
        {
            case ReviewAction.Confirm: item.Confirm(); break;
            case ReviewAction.Keep: item.OverrideWith(Decision.Kept); break;
            case ReviewAction.Eliminate: item.OverrideWith(Decision.Eliminated); break;
            case ReviewAction.Clear: item.ClearReview(); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, "Not a decision on an item.");
        }
    }

    /// <summary>Whether <see cref="Perform"/> would change what the item says (it always bumps the version).</summary>
    internal static bool Changes(Instruction item, ReviewAction action) => action switch
    {
        ReviewAction.Confirm => item.ReviewState != ReviewState.Confirmed,
        ReviewAction.Keep => item.Override != Decision.Kept,
        ReviewAction.Eliminate => item.Override != Decision.Eliminated,
        ReviewAction.Clear => item.ReviewState != ReviewState.Unreviewed,
        _ => true,
    };

    /// <summary>Puts the item's review back as an audit entry recorded it (its score is the caller's).</summary>
    internal static void Restore(Instruction item, ItemState was)
    {
        switch (was.ReviewState)
        {
            case ReviewState.Confirmed: item.Confirm(); break;
            case ReviewState.Overridden: item.OverrideWith(was.Override ?? item.AutoDecision); break;
            default: item.ClearReview(); break;
        }
    }

    /// <summary>The item's audit entries, newest first.</summary>
    public async Task<IReadOnlyList<ReviewEntry>> HistoryAsync(long itemId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entries = await db.Reviews.AsNoTracking().Where(r => r.InstructionId == itemId).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        return entries.Select(r => new ReviewEntry(r.Id, r.Action, r.User, r.At, ItemState.FromJson(r.Before), ItemState.FromJson(r.After), r.Note, r.BulkId)).ToList();
    }

    /// <summary>
    /// A corrected score is what policies read, so an item the current policy governs is decided
    /// again at once: its automatic decision never disagrees with its own score.
    /// </summary>
    private static async Task CorrectScoreAsync(WorkbenchDb db, Instruction item, double? score, CancellationToken cancellationToken)
    {
        item.CorrectScore(score);
        if (await PolicyApplier.Governed(db, item.DatasetId).AnyAsync(i => i.Id == item.Id, cancellationToken))
        {
            var policy = await PolicyApplier.CurrentAsync(db, item.DatasetId, cancellationToken);
            item.Decide(new PolicyRule(policy).Decide(item), policy.Version);
        }
    }

    private async Task<ReviewResult> SaveAsync(WorkbenchDb db, Instruction item, ItemState before, ReviewAction action, string user, string? note,
        CancellationToken cancellationToken)
    {
        var after = ItemState.Of(item);
        var entry = new Model.Review
        {
            DatasetId = item.DatasetId,
            InstructionId = item.Id,
            Action = action,
            User = user,
            At = time.GetUtcNow(),
            Before = before.ToJson(),
            After = after.ToJson(),
            Note = note,
        };
        db.Reviews.Add(entry);
        try
        {
            // One SaveChanges: the item's UPDATE (WHERE Version = the one read) and the audit INSERT commit together or not at all.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Instructions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == item.Id, cancellationToken);
            return current is null ? new ReviewRefused($"Item {item.Id} no longer exists.") : new ReviewConflict(ItemState.Of(current));
        }
        return new ReviewSaved(after, entry.Id);
    }
}
