using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Elimination;

namespace MMEvol.Core.Thresholds;

/// <summary>
/// Every item a policy governs in one dataset, packed, with the store stamp it was read at. Read
/// once (a few seconds for two million items) and reused while the stamp holds.
/// </summary>
public sealed class PolicySnapshot
{
    private PolicySnapshot(int datasetId, SnapshotStamp stamp, GovernedItem[] items) => (DatasetId, Stamp, Items) = (datasetId, stamp, items);

    public int DatasetId { get; }
    public SnapshotStamp Stamp { get; }
    public GovernedItem[] Items { get; }

    /// <summary>A snapshot of items already packed (a caller that read them another way, a test).</summary>
    public static PolicySnapshot Of(int datasetId, GovernedItem[] items, SnapshotStamp stamp = default) => new(datasetId, stamp, items);

    public static async Task<PolicySnapshot> LoadAsync(WorkbenchDb db, int datasetId, CancellationToken cancellationToken = default)
    {
        // The stamp first: a change landing during the read makes the next stamp differ, never the reverse.
        var stamp = await SnapshotStamp.ReadAsync(db, datasetId, cancellationToken);
        var items = new List<GovernedItem>();
        var rows = PolicyApplier.Governed(db, datasetId).AsNoTracking().OrderBy(i => i.Id).Select(i => new
        {
            i.Id,
            i.RoundNumber,
            i.Direction,
            i.Improved,
            i.EffectiveScore,
            i.Metrics.StepGain,
            i.Metrics.SkillGain,
            i.Metrics.ObjectGain,
            i.Metrics.Grounded,
            FailsCheapCheck = i.CheapCheck != null,
            i.Override,
            i.AutoDecision,
            i.FinalDecision,
        }).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            items.Add(new GovernedItem(r.Id, (byte)Math.Clamp(r.RoundNumber, 0, byte.MaxValue), r.Direction, r.Improved, r.EffectiveScore ?? double.NaN,
                r.StepGain, r.SkillGain, r.ObjectGain, r.Grounded, r.FailsCheapCheck, r.Override, r.AutoDecision, r.FinalDecision));
        }
        return new PolicySnapshot(datasetId, stamp, [.. items]);
    }
}

/// <summary>
/// What changes whenever anything a preview reads changes: new items (evolution, retries) raise
/// the dataset's newest item id, reviews, score corrections and re-judging write audit entries of
/// the dataset, and an applied policy raises its policy version. Each part is one index seek, and
/// none moves for work on another dataset.
/// </summary>
public readonly record struct SnapshotStamp(long NewestItem, long NewestReview, int PolicyVersion)
{
    public static async Task<SnapshotStamp> ReadAsync(WorkbenchDb db, int datasetId, CancellationToken cancellationToken = default) => new(
        await db.Instructions.Where(i => i.DatasetId == datasetId).MaxAsync(i => (long?)i.Id, cancellationToken) ?? 0,
        await db.Reviews.Where(r => r.DatasetId == datasetId).MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0,
        await db.Datasets.Where(d => d.Id == datasetId).Select(d => d.PolicyVersion).SingleOrDefaultAsync(cancellationToken));
}
