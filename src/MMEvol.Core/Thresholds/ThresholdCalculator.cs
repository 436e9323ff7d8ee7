using MMEvol.Core.Model;

namespace MMEvol.Core.Thresholds;

/// <summary>The preview's arithmetic: one pass over the packed items, no store access.</summary>
public static class ThresholdCalculator
{
    public static ThresholdPreview Preview(PolicySnapshot snapshot, EliminationPolicy current, EliminationPolicy proposed)
    {
        var rule = new PolicyEvaluator(proposed);
        var groups = new Dictionary<(int, Direction), int[]>();
        var rounds = new SortedDictionary<int, RoundDistributions>();
        var flips = new List<PreviewItem>();
        var disagreeing = new List<PreviewItem>();
        int flipCount = 0, disagreeingCount = 0;

        foreach (ref readonly var item in snapshot.Items.AsSpan())
        {
            var automatic = rule.Decide(item);
            var proposedFinal = item.Override ?? automatic;

            var key = (item.Round, item.Direction);
            if (!groups.TryGetValue(key, out var counts))
                groups[key] = counts = new int[3];
            counts[0]++;
            if (item.FinalDecision == Decision.Kept)
                counts[1]++;
            if (proposedFinal == Decision.Kept)
                counts[2]++;

            if (!rounds.TryGetValue(item.Round, out var distributions))
                rounds[item.Round] = distributions = new RoundDistributions(item.Round, Scores(), Gains(), Gains(), Gains());
            distributions.Score.Add(item.Score);
            distributions.StepGain.Add(item.StepGain);
            distributions.SkillGain.Add(item.SkillGain);
            distributions.ObjectGain.Add(item.ObjectGain);

            if (proposedFinal != item.FinalDecision && flipCount++ < ThresholdPreview.ListLimit)
                flips.Add(Describe(item, proposedFinal));
            if (item.Override is { } chosen && chosen != automatic && disagreeingCount++ < ThresholdPreview.ListLimit)
                disagreeing.Add(Describe(item, automatic));
        }

        var groupList = groups.OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2)
            .Select(g => new GroupCounts(g.Key.Item1, g.Key.Item2, g.Value[0], g.Value[1], g.Value[2]))
            .ToList();
        return new ThresholdPreview(current, proposed, groupList, [.. rounds.Values], flipCount, flips, disagreeingCount, disagreeing);
    }

    // Scores 0-10 in whole points (10 shares the last bin); gains from -3 to +6, the tails clamped.
    private static Histogram Scores() => new(0, 1, 10);

    private static Histogram Gains() => new(-3, 1, 10);

    private static PreviewItem Describe(in GovernedItem item, Decision proposed) =>
        new(item.Id, item.Round, item.Direction, item.HasScore ? item.Score : null, item.FinalDecision, proposed, item.Override);
}
