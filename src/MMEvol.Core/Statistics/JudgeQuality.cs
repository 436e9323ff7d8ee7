using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Statistics;

/// <summary>
/// How well the judge caught the faults the offline evolver injected: per kind, recall (the share
/// of faulty items it called not improved) and precision (of the items it rejected as either this
/// kind or clean, the share that had this fault); overall precision over every rejection. Broken
/// JSON never reaches the judge: the parser catches it and the round fails. Null when no fault
/// was simulated.
/// </summary>
public sealed record JudgeQuality(IReadOnlyList<FaultCatch> Kinds, int Clean, int CleanRejected, double? Precision)
{
    public static async Task<JudgeQuality?> ComputeAsync(WorkbenchDb db, int datasetId, CancellationToken cancellationToken)
    {
        var items = await db.Instructions.AsNoTracking()
            .Where(i => i.DatasetId == datasetId && i.RoundNumber > 0 && i.Improved != null)
            .GroupBy(i => i.InjectedFault)
            .Select(g => new { Fault = g.Key, Total = g.Count(), Rejected = g.Count(i => i.Improved == false) })
            .ToListAsync(cancellationToken);
        var broken = await db.Rounds.AsNoTracking()
            .Where(r => r.Record!.DatasetId == datasetId && r.InjectedFault == FaultKind.BrokenJson)
            .GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Caught = g.Count(r => r.Status == RoundStatus.Failed) })
            .SingleOrDefaultAsync(cancellationToken);
        if (broken is null && items.All(i => i.Fault is null))
            return null;

        var clean = items.SingleOrDefault(i => i.Fault is null);
        var (cleanTotal, cleanRejected) = (clean?.Total ?? 0, clean?.Rejected ?? 0);
        var kinds = items.Where(i => i.Fault is not null)
            .OrderBy(i => i.Fault)
            .Select(i => new FaultCatch(i.Fault!.Value, i.Total, i.Rejected,
                (double)i.Rejected / i.Total,
                i.Rejected + cleanRejected == 0 ? null : (double)i.Rejected / (i.Rejected + cleanRejected)))
            .ToList();
        if (broken is not null)
            kinds.Add(new FaultCatch(FaultKind.BrokenJson, broken.Total, broken.Caught, (double)broken.Caught / broken.Total, 1));
        var rejectedFaulty = items.Where(i => i.Fault is not null).Sum(i => i.Rejected);
        var rejected = rejectedFaulty + cleanRejected;
        return new JudgeQuality(kinds, cleanTotal, cleanRejected, rejected == 0 ? null : (double)rejectedFaulty / rejected);
    }
}

/// <summary>One fault kind: how many items had it, how many the judge rejected, recall and precision.</summary>
public sealed record FaultCatch(FaultKind Kind, int Total, int Rejected, double Recall, double? Precision);
