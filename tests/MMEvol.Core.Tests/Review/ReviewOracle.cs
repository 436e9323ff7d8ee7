using MMEvol.Core.Model;
using MMEvol.Core.Review;

namespace MMEvol.Core.Tests.Review;

/// <summary>The review list computed in memory, LINQ to objects over every item: what the SQL must agree with.</summary>
public static class ReviewOracle
{
    public static List<long> Expected(IEnumerable<Instruction> items, HashSet<int> failedRecords, ReviewFilter f)
    {
        var matching = items.Where(i => Matches(i, failedRecords, f)).ToList();
        var unscored = matching.Where(i => i.EffectiveScore is null).OrderBy(i => i.Id);
        var ordered = f.Sort switch
        {
            ReviewSort.ByScoreAscending => matching.Where(i => i.EffectiveScore is not null).OrderBy(i => i.EffectiveScore).ThenBy(i => i.Id).Concat(unscored),
            ReviewSort.ByScoreDescending => matching.Where(i => i.EffectiveScore is not null).OrderByDescending(i => i.EffectiveScore).ThenByDescending(i => i.Id).Concat(unscored),
            _ => matching.OrderBy(i => i.Id),
        };
        return ordered.Select(i => i.Id).ToList();
    }

    private static bool Matches(Instruction i, HashSet<int> failedRecords, ReviewFilter f) =>
        i.DatasetId == f.DatasetId
        && (f.Round is null || i.RoundNumber == f.Round)
        && (f.Direction is null || i.Direction == f.Direction)
        && (f.FinalDecision is null || i.FinalDecision == f.FinalDecision)
        && (f.ReviewState is null || i.ReviewState == f.ReviewState)
        && (f.MinScore is null || i.EffectiveScore >= f.MinScore)
        && (f.MaxScore is null || i.EffectiveScore <= f.MaxScore)
        && (!f.FailedRounds || failedRecords.Contains(i.RecordId))
        && (string.IsNullOrEmpty(f.Text)
            || AsciiLower(i.Question).Contains(AsciiLower(f.Text), StringComparison.Ordinal)
            || AsciiLower(i.Answer).Contains(AsciiLower(f.Text), StringComparison.Ordinal));

    /// <summary>SQLite's LIKE folds the case of ASCII letters only: "É" and "é" differ.</summary>
    private static string AsciiLower(string text) => string.Concat(text.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));
}
