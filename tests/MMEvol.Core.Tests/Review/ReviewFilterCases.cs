using MMEvol.Core.Model;
using MMEvol.Core.Review;

namespace MMEvol.Core.Tests.Review;

/// <summary>Every filter alone and the combinations a reviewer reaches for, by name (the dataset id is known only at run time).</summary>
public static class ReviewFilterCases
{
    private static readonly Dictionary<string, Func<ReviewFilter, ReviewFilter>> Cases = new()
    {
        ["none"] = f => f,
        ["round"] = f => f with { Round = 2 },
        ["seed round"] = f => f with { Round = 0 },
        ["direction"] = f => f with { Direction = Direction.Reasoning },
        ["decision"] = f => f with { FinalDecision = Decision.Eliminated },
        ["confirmed"] = f => f with { ReviewState = ReviewState.Confirmed },
        ["overridden"] = f => f with { ReviewState = ReviewState.Overridden },
        ["unreviewed"] = f => f with { ReviewState = ReviewState.Unreviewed },
        ["min score"] = f => f with { MinScore = 5 },
        ["max score"] = f => f with { MaxScore = 5 },
        ["score range"] = f => f with { MinScore = 3.5, MaxScore = 8.1 },
        ["failed rounds"] = f => f with { FailedRounds = true },
        ["text"] = f => f with { Text = "WHICH" },
        ["text with wildcards"] = f => f with { Text = ReviewWorld.Wildcards },
        ["text with accents"] = f => f with { Text = "CAFé noël" },
        ["text with quotes"] = f => f with { Text = "says \"open" },
        ["text of two letters"] = f => f with { Text = "ch" },
        ["long text"] = f => f with { Text = "Is 5000 off? " + new string('x', 290) },
        ["phrase"] = f => f with { Text = "does the picture sho" },
        ["phrase of whole words"] = f => f with { Text = " the PICTURE contain " },
        ["phrase of an edited item"] = f => f with { Text = "the 50%_off label" },
        ["round direction decision"] = f => f with { Round = 1, Direction = Direction.Perception, FinalDecision = Decision.Kept },
        ["round direction"] = f => f with { Round = 3, Direction = Direction.Interaction },
        ["round state"] = f => f with { Round = 1, ReviewState = ReviewState.Unreviewed },
        ["decision state"] = f => f with { FinalDecision = Decision.Kept, ReviewState = ReviewState.Overridden },
        ["decision score"] = f => f with { FinalDecision = Decision.Kept, MinScore = 6 },
        ["failed round decision"] = f => f with { FailedRounds = true, Round = 2, FinalDecision = Decision.Eliminated },
        ["text decision"] = f => f with { Text = "the", FinalDecision = Decision.Kept },
        ["failed rounds text"] = f => f with { FailedRounds = true, Text = "the" },
        ["everything"] = f => f with
        {
            Round = 1, Direction = Direction.Reasoning, FinalDecision = Decision.Kept, ReviewState = ReviewState.Unreviewed,
            MinScore = 1, MaxScore = 9.5, Text = "e",
        },
    };

    public static ReviewFilter Make(string name, int datasetId, ReviewSort sort, int pageSize) =>
        Cases[name](new ReviewFilter(datasetId) { Sort = sort, PageSize = pageSize });

    public static TheoryData<string, ReviewSort> All()
    {
        var data = new TheoryData<string, ReviewSort>();
        foreach (var name in Cases.Keys)
            foreach (var sort in Enum.GetValues<ReviewSort>())
                data.Add(name, sort);
        return data;
    }
}
