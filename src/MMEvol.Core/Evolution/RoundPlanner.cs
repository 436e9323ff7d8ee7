using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>
/// Which records round r rewrites (DESIGN.md, "Evolution and judging"): a record with no round r
/// whose newest round is r-1, or, with retries on, a record whose round r Failed (wherever it
/// stands: later rounds keep the parent snapshot they were given), and that still has a non-empty
/// kept list in an earlier round (the newest such list is the parent: a round that failed or kept
/// nothing falls back to older data). Decisions are read as they are now, so a reviewer's
/// override before a run changes what that run builds on.
/// </summary>
internal static class RoundPlanner
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
                .Select(r => new RoundRow(r.RecordId, r.Id, r.Number, r.Status, r.Items.Count(i => i.FinalDecision == Decision.Kept), r.Attempt, r.Cost ?? 0))
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.RecordId);

        var units = new List<PlannedUnit>();
        foreach (var record in chosen)
        {
            var history = rounds[record.Id].OrderBy(r => r.Number).ToList();
            if (history.Count == 0)
                continue;
            var existing = history.SingleOrDefault(r => r.Number == round);
            var retry = existing is { Status: RoundStatus.Failed } && settings.RetryFailed;
            if (!retry && (existing is not null || history[^1].Number != round - 1))
                continue;
            var parent = history.LastOrDefault(r => r.Number < round && r.Kept > 0);
            if (parent is null)
                continue;
            // Without detections there is nothing to ground perception or reasoning in: only formats change.
            var direction = record.Detections.Count == 0 ? Direction.Interaction : weights.Draw(settings.Seed, record.Fingerprint, round);
            units.Add(new PlannedUnit(record.Id, round, direction, parent.Id, retry ? existing!.Id : null, record.Detections.Count == 0)
            {
                Attempt = retry ? existing!.Attempt + 1 : 1,
                PriorCost = retry ? existing!.Cost : 0,
            });
        }
        return units;
    }

    private sealed record RoundRow(int RecordId, int Id, int Number, RoundStatus Status, int Kept, int Attempt, double Cost);
}
