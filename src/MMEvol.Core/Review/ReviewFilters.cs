using MMEvol.Core.Data;
using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace MMEvol.Core.Review;

/// <summary>The filter as WHERE terms over the items (the order, the index and the seek are the segment's).</summary>
internal static class ReviewFilters
{
    /// <summary>
    /// Every item the filter matches, in no order. Reading them all means reading every item or every
    /// candidate of the text indexes, so up to its wide limit the candidates win (as for counts).
    /// </summary>
    public static async Task<IQueryable<Instruction>> MatchingAsync(WorkbenchDb db, ReviewFilter f, CancellationToken cancellationToken)
    {
        var candidates = await TextCandidates.ForAsync(db, f.DatasetId, f.Substring, ItemTextIndex.WideCandidateLimit, cancellationToken);
        return Apply(db, candidates?.Items(db) ?? db.Instructions, f);
    }

    public static IQueryable<Instruction> Apply(WorkbenchDb db, IQueryable<Instruction> items, ReviewFilter f, bool scoreRange = true)
    {
        items = items.Where(i => i.DatasetId == f.DatasetId);
        if (f.Round is { } round)
            items = items.Where(i => i.RoundNumber == round);
        if (f.Direction is { } direction)
            items = items.Where(i => i.Direction == direction);
        if (f.FinalDecision is { } decision)
            items = items.Where(i => i.FinalDecision == decision);
        if (f.ReviewState is { } state)
            items = items.Where(i => i.ReviewState == state);
        if (scoreRange && f.MinScore is { } min)
            items = items.Where(i => i.EffectiveScore >= min);
        if (scoreRange && f.MaxScore is { } max)
            items = items.Where(i => i.EffectiveScore <= max);
        if (f.FailedRounds)
            items = items.Where(i => db.Rounds.Any(r => r.RecordId == i.RecordId && r.Status != RoundStatus.Evolved));
        if (f.Substring is { } text)
        {
            var pattern = LikePattern.Containing(text);
            items = items.Where(i => EF.Functions.Like(i.Question, pattern, LikePattern.Escape) || EF.Functions.Like(i.Answer, pattern, LikePattern.Escape));
        }
        return items;
    }
}
