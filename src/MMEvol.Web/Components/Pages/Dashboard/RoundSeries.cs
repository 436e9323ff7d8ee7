using MMEvol.Core.Statistics;

namespace MMEvol.Web.Components.Pages.Dashboard;

/// <summary>
/// A dataset's statistics folded over directions into one value per round (seed first), each mean
/// weighted by what it averages: kept items for the per-kept-item measures, judged items for scores.
/// </summary>
public sealed record RoundSeries(
    IReadOnlyList<int> Items,
    IReadOnlyList<double?> KeptShare,
    IReadOnlyList<double?> ImprovedShare,
    IReadOnlyList<double?> MeanScore,
    IReadOnlyList<double?> Steps,
    IReadOnlyList<double?> Skills,
    IReadOnlyList<double?> Objects)
{
    public static RoundSeries Of(DatasetStats stats)
    {
        var rounds = Enumerable.Range(0, stats.Rounds.Count == 0 ? 1 : stats.Rounds.Max(r => r.Round) + 1)
            .Select(n => stats.Rounds.Where(r => r.Round == n).ToList())
            .ToList();
        return new RoundSeries(
            rounds.Select(r => r.Sum(x => x.Items)).ToList(),
            rounds.Select(r => Share(r.Sum(x => x.Kept), r.Sum(x => x.Items))).ToList(),
            rounds.Select(r => Share(r.Sum(x => x.Improved), r.Sum(x => x.Judged))).ToList(),
            rounds.Select(r => Weighted(r, x => x.MeanScore, x => Math.Max(x.Judged, x.MeanScore is null ? 0 : 1))).ToList(),
            rounds.Select(r => Weighted(r, x => x.StepsPerKeptItem, x => x.Kept)).ToList(),
            rounds.Select(r => Weighted(r, x => x.SkillsPerKeptItem, x => x.Kept)).ToList(),
            rounds.Select(r => Weighted(r, x => x.ObjectsPerKeptItem, x => x.Kept)).ToList());
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;

    private static double? Weighted(List<RoundStats> rows, Func<RoundStats, double?> value, Func<RoundStats, int> weight)
    {
        var present = rows.Where(r => value(r) is not null && weight(r) > 0).ToList();
        var total = present.Sum(weight);
        return total == 0 ? null : present.Sum(r => value(r)!.Value * weight(r)) / total;
    }
}
