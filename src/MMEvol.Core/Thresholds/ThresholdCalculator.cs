using MMEvol.Core.Model;

namespace MMEvol.Core.Thresholds;

/// <summary>The preview's arithmetic: one pass over the packed items, no store access.</summary>
public static class ThresholdCalculator
{
    public static ThresholdPreview Preview(PolicySnapshot snapshot, EliminationPolicy current, EliminationPolicy proposed)
    {
        var rule = new PolicyEvaluator(proposed);
        // Indexed by round and direction rather than hashed: this loop runs once per item, millions of times.
        var directions = Enum.GetValues<Direction>().Length;
        var counts = new int[(byte.MaxValue + 1) * directions * 3];
        var rounds = new RoundDistributions?[byte.MaxValue + 1];
        var flips = new List<PreviewItem>();
        var disagreeing = new List<PreviewItem>();
        int flipCount = 0, disagreeingCount = 0;

        foreach (ref readonly var item in snapshot.Items.AsSpan())
        {
            var automatic = rule.Decide(item);
            var proposedFinal = item.Override ?? automatic;

            var group = (item.Round * directions + (int)item.Direction) * 3;
            counts[group]++;
            if (item.FinalDecision == Decision.Kept)
                counts[group + 1]++;
            if (proposedFinal == Decision.Kept)
                counts[group + 2]++;

            var distributions = rounds[item.Round] ??= new RoundDistributions(item.Round, Scores(), Gains(), Gains(), Gains());
            distributions.Score.Add(item.Score);
            distributions.StepGain.Add(item.StepGain);
            distributions.SkillGain.Add(item.SkillGain);
            distributions.ObjectGain.Add(item.ObjectGain);

            if (proposedFinal != item.FinalDecision && flipCount++ < ThresholdPreview.ListLimit)
                flips.Add(Describe(item, proposedFinal));
            if (item.Override is { } chosen && chosen != automatic && disagreeingCount++ < ThresholdPreview.ListLimit)
                disagreeing.Add(Describe(item, automatic));
        }

        var groups = new List<GroupCounts>();
        for (var round = 0; round <= byte.MaxValue; round++)
        {
            foreach (var direction in Enum.GetValues<Direction>())
            {
                var at = (round * directions + (int)direction) * 3;
                if (counts[at] > 0)
                    groups.Add(new GroupCounts(round, direction, counts[at], counts[at + 1], counts[at + 2]));
            }
        }
        return new ThresholdPreview(current, proposed, groups, [.. rounds.OfType<RoundDistributions>()], flipCount, flips, disagreeingCount, disagreeing);
    }

    /// <summary>The items whose automatic decision the policy changes, by their new decision.</summary>
    public static (List<long> ToKeep, List<long> ToEliminate) Changes(PolicySnapshot snapshot, EliminationPolicy policy)
    {
        var rule = new PolicyEvaluator(policy);
        List<long> keep = [], eliminate = [];
        foreach (ref readonly var item in snapshot.Items.AsSpan())
        {
            var decision = rule.Decide(item);
            if (decision != item.AutoDecision)
                (decision == Decision.Kept ? keep : eliminate).Add(item.Id);
        }
        return (keep, eliminate);
    }

    // Scores 0-10 in whole points (10 shares the last bin); gains from -3 to +6, the tails clamped.
    private static Histogram Scores() => new(0, 1, 10);

    private static Histogram Gains() => new(-3, 1, 10);

    private static PreviewItem Describe(in GovernedItem item, Decision proposed) =>
        new(item.Id, item.Round, item.Direction, item.HasScore ? item.Score : null, item.FinalDecision, proposed, item.Override);
}
