using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>
/// Which records round r rewrites (DESIGN.md, "Evolution and judging"): a record whose newest
/// round is r-1 and that still has a non-empty kept list in some earlier round (the newest such
/// list is the parent: a round that kept nothing falls back to older data), or, with retries on,
/// a record whose round r failed and is still its newest. Decisions are read as they are now,
/// so a reviewer's override before a run changes what that run builds on.
/// </summary>
public static class RoundPlanner
{
    public static async Task<IReadOnlyList<PlannedUnit>> PlanAsync(WorkbenchDb db, int datasetId, int round, EvolveSettings settings,
        CancellationToken cancellationToken = default)
    {
        var weights = DirectionWeights.Parse(settings.Weights);
        var records = db.Records.AsNoTracking().Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id);
        var chosen = await (settings.Limit is { } limit ? records.Take(limit) : records)
            .Select(r => new { r.Id, r.Fingerprint, r.Detections })
            .ToListAsync(cancellationToken);
        if (chosen.Count == 0)
            return [];
        var last = chosen[^1].Id;

        var rounds = (await db.Rounds.AsNoTracking()
                .Where(r => r.Record!.DatasetId == datasetId && r.RecordId <= last)
                .Select(r => new RoundRow(r.RecordId, r.Id, r.Number, r.Status, r.Items.Count(i => i.FinalDecision == Decision.Kept)))
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.RecordId);

        var units = new List<PlannedUnit>();
        foreach (var record in chosen)
        {
            var history = rounds[record.Id].OrderBy(r => r.Number).ToList();
            if (history.Count == 0)
                continue;
            var newest = history[^1];
            int? replaces = null;
            if (newest.Number == round && newest.Status == RoundStatus.Failed && settings.RetryFailed)
                replaces = newest.Id;
            else if (newest.Number != round - 1)
                continue;
            var parent = history.LastOrDefault(r => r.Number < round && r.Kept > 0);
            if (parent is null)
                continue;
            // Without detections there is nothing to ground perception or reasoning in: only formats change.
            var direction = record.Detections.Count == 0 ? Direction.Interaction : weights.Draw(settings.Seed, record.Fingerprint, round);
            units.Add(new PlannedUnit(record.Id, round, direction, parent.Id, replaces, record.Detections.Count == 0));
        }
        return units;
    }

    private sealed record RoundRow(int RecordId, int Id, int Number, RoundStatus Status, int Kept);
}
