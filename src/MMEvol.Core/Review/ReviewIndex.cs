using MMEvol.Core.Data.Configurations;
using MMEvol.Core.Model;

namespace MMEvol.Core.Review;

/// <summary>
/// The index a review query reads, chosen here and forced with INDEXED BY. Without statistics
/// SQLite's planner takes the index matching the most equality filters and then sorts every row
/// they match (a quarter of a big store for one round) to honour the order; every index chosen
/// here hands the rows over in the page's order, so no query sorts, and keyset paging stays a
/// seek. A narrow index serves a filter exactly; the two wide review indexes serve the rest,
/// checking leftover filters inside the index.
/// </summary>
internal static class ReviewIndex
{
    public const string ByState = "IX_Items_DatasetId_ReviewState_Id";
    public const string ByRoundDirectionDecision = "IX_Items_DatasetId_RoundNumber_Direction_FinalDecision_Id";
    public const string ByDecision = "IX_Items_DatasetId_FinalDecision_Id";
    public const string ById = InstructionConfiguration.ReviewByIdIndex;
    public const string ByScore = InstructionConfiguration.ReviewByScoreIndex;

    /// <summary>The index for rows in id order (also the one counts use: any order counts the same).</summary>
    public static string ForIdOrder(ReviewFilter f)
    {
        var exact = !f.HasScoreRange;
        if (f.ReviewState is { } state && (state != ReviewState.Unreviewed || Only(f, state: true) && exact))
            return ByState; // reviewed items are the few a person touched: reading them all is cheap
        if (exact && Only(f, round: true, direction: true, decision: true))
            return ByRoundDirectionDecision;
        if (exact && Only(f, decision: true))
            return ByDecision;
        return ById;
    }

    /// <summary>The items read through <paramref name="index"/>, one of the constants above (never user input).</summary>
    public static string Select(string index) => "SELECT * FROM \"Items\" INDEXED BY \"" + index + "\"";

    private static bool Only(ReviewFilter f, bool round = false, bool direction = false, bool decision = false, bool state = false) =>
        f.Round is not null == round
        && f.Direction is not null == direction
        && f.FinalDecision is not null == decision
        && f.ReviewState is not null == state;
}
