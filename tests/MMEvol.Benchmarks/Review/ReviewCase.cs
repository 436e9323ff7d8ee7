using MMEvol.Core.Model;
using MMEvol.Core.Review;

namespace MMEvol.Benchmarks.Review;

/// <summary>A filter a reviewer would set, named as the table prints it.</summary>
internal sealed record ReviewCase(string Name, ReviewFilter Filter)
{
    public static IReadOnlyList<ReviewCase> All(int datasetId)
    {
        var all = new ReviewFilter(datasetId);
        return
        [
            new("no filter", all),
            new("round 2 + Reasoning", all with { Round = 2, Direction = Direction.Reasoning }),
            new("Eliminated + Confirmed", all with { FinalDecision = Decision.Eliminated, ReviewState = ReviewState.Confirmed }),
            new("score 6-9, best first", all with { MinScore = 6, MaxScore = 9, Sort = ReviewSort.ByScoreDescending }),
            new("failed rounds", all with { FailedRounds = true }),
            new($"text \"{ReviewText.SearchWord}\"", all with { Text = ReviewText.SearchWord }),
            new($"text \"{ReviewText.RareWord}\" (rare)", all with { Text = ReviewText.RareWord }),
            new($"text \"{ReviewText.MissingWord}\" (no match)", all with { Text = ReviewText.MissingWord }),
            new($"text \"{ReviewText.AbsentPhrase}\" (no match)", all with { Text = ReviewText.AbsentPhrase }),
            new($"text \"{ReviewText.RarePhrase}\" (rare)", all with { Text = ReviewText.RarePhrase }),
            new($"text \"{ReviewText.CommonPhrase}\"", all with { Text = ReviewText.CommonPhrase }),
        ];
    }
}
