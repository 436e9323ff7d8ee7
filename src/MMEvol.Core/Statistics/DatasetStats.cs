using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Statistics;

public sealed record DatasetStats(string Dataset, int Records, int Images, int Items, int Kept, IReadOnlyList<RoundStats> Rounds, JudgeQuality? Faults)
{
    public static async Task<DatasetStats> ComputeAsync(WorkbenchDb db, string datasetName, CancellationToken cancellationToken = default)
    {
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Name == datasetName, cancellationToken)
            ?? throw new WorkbenchException($"No dataset named '{datasetName}'.");
        var records = await db.Records.CountAsync(r => r.DatasetId == dataset.Id, cancellationToken);
        var images = await db.Records.CountAsync(r => r.DatasetId == dataset.Id && r.ImagePath != null, cancellationToken);

        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.Record!.DatasetId == dataset.Id)
            .GroupBy(r => new { r.Number, r.Direction })
            .Select(g => new
            {
                g.Key.Number,
                g.Key.Direction,
                Count = g.Count(),
                Failed = g.Count(r => r.Status == RoundStatus.Failed),
                JudgeFailed = g.Count(r => r.Status == RoundStatus.JudgeFailed),
            })
            .ToListAsync(cancellationToken);

        var items = await db.Instructions.AsNoTracking()
            .Where(i => i.DatasetId == dataset.Id)
            .GroupBy(i => new { i.RoundNumber, i.Direction })
            .Select(g => new
            {
                g.Key.RoundNumber,
                g.Key.Direction,
                Count = g.Count(),
                Kept = g.Count(i => i.FinalDecision == Decision.Kept),
                Judged = g.Count(i => i.Improved != null),
                Improved = g.Count(i => i.Improved == true),
                Score = g.Average(i => i.ReviewerScore ?? i.JudgeScore),
                Steps = g.Average(i => i.FinalDecision == Decision.Kept ? (double?)i.Metrics.Steps : null),
                Skills = g.Average(i => i.FinalDecision == Decision.Kept ? (double?)i.Metrics.Skills : null),
                Objects = g.Average(i => i.FinalDecision == Decision.Kept ? (double?)i.Metrics.Objects : null),
            })
            .ToListAsync(cancellationToken);

        var table = rounds
            .OrderBy(r => r.Number).ThenBy(r => r.Direction)
            .Select(r =>
            {
                var i = items.SingleOrDefault(x => x.RoundNumber == r.Number && x.Direction == r.Direction);
                return new RoundStats(r.Number, r.Direction, r.Count, r.Failed, r.JudgeFailed,
                    i?.Count ?? 0, i?.Kept ?? 0, i?.Judged ?? 0, i?.Improved ?? 0, i?.Score, i?.Steps, i?.Skills, i?.Objects);
            })
            .ToList();
        return new DatasetStats(dataset.Name, records, images, table.Sum(r => r.Items), table.Sum(r => r.Kept), table,
            await JudgeQuality.ComputeAsync(db, dataset.Id, cancellationToken));
    }
}
