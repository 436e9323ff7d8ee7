using MMEvol.Core.Data;
using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace MMEvol.Core.Review;

/// <summary>
/// One contiguous index range a page reads: the rows after the cursor in one order, each a seek
/// on the chosen index. After a scored row a score sort reads the rest of that score's run by id,
/// then the higher (lower) scores, then the unscored rows: a row value <c>(score, id) &gt; (s, i)</c>
/// would say it in one range, but SQLite cannot seek on a row value over the explicit id column the
/// wide index needs, and NULL scores do not compare at all. Each range has exactly one lower and
/// one upper score bound, the tighter of the filter's and the cursor's: given two, SQLite seeks on
/// either, and the looser one would re-read every row before the cursor.
/// </summary>
internal sealed record ReviewSegment(string Index, SegmentOrder Order, Func<IQueryable<Instruction>, IQueryable<Instruction>> Seek)
{
    /// <summary>Whether the filter's score range still has to be applied (the score ranges apply it themselves).</summary>
    public bool NeedsScoreRange => Index != ReviewIndex.ByScore;

    public static IEnumerable<ReviewSegment> After(ReviewFilter filter, ReviewCursor? cursor)
    {
        if (filter.Sort == ReviewSort.ById)
        {
            var after = cursor?.Id ?? 0;
            yield return new(ReviewIndex.ForIdOrder(filter), SegmentOrder.Id, q => q.Where(i => i.Id > after));
            yield break;
        }

        var descending = filter.Sort == ReviewSort.ByScoreDescending;
        var byScore = descending ? SegmentOrder.ScoreDescending : SegmentOrder.ScoreAscending;
        if (cursor is { Score: { } score } && !(score < filter.MinScore) && !(score > filter.MaxScore))
        {
            var id = cursor.Id;
            yield return descending
                ? new(ReviewIndex.ByScore, SegmentOrder.IdDescending, q => q.Where(i => i.EffectiveScore == score && i.Id < id))
                : new(ReviewIndex.ByScore, SegmentOrder.Id, q => q.Where(i => i.EffectiveScore == score && i.Id > id));
        }
        if (cursor is null or { Score: not null })
            yield return new(ReviewIndex.ByScore, byScore, q => Scored(q, filter, cursor?.Score, descending));

        if (!filter.HasScoreRange)
        {
            var after = cursor is { Score: null } ? cursor.Id : 0;
            yield return new(ReviewIndex.ByScore, SegmentOrder.Id, q => q.Where(i => i.EffectiveScore == null && i.Id > after));
        }
    }

    /// <summary>
    /// The range's rows through its index, or among a text index's candidates when given: the seek's
    /// terms then only filter those few rows, which are sorted.
    /// </summary>
    public IQueryable<Instruction> Source(WorkbenchDb db, TextCandidates? candidates) =>
        Seek(candidates?.Items(db) ?? db.Instructions.FromSqlRaw(ReviewIndex.Select(Index)));

    public IQueryable<Instruction> Sorted(IQueryable<Instruction> items) => Order switch
    {
        SegmentOrder.ScoreAscending => items.OrderBy(i => i.EffectiveScore).ThenBy(i => i.Id),
        SegmentOrder.ScoreDescending => items.OrderByDescending(i => i.EffectiveScore).ThenByDescending(i => i.Id),
        SegmentOrder.IdDescending => items.OrderByDescending(i => i.Id),
        _ => items.OrderBy(i => i.Id),
    };

    /// <summary>The scored rows past <paramref name="after"/> (a score, exclusive) within the filter's range.</summary>
    private static IQueryable<Instruction> Scored(IQueryable<Instruction> items, ReviewFilter f, double? after, bool descending)
    {
        if (!descending && after is { } above && !(f.MinScore > above))
            items = items.Where(i => i.EffectiveScore > above);
        else if (f.MinScore is { } min)
            items = items.Where(i => i.EffectiveScore >= min);
        else
            items = items.Where(i => i.EffectiveScore != null);

        if (descending && after is { } below && !(f.MaxScore < below))
            items = items.Where(i => i.EffectiveScore < below);
        else if (f.MaxScore is { } max)
            items = items.Where(i => i.EffectiveScore <= max);
        return items;
    }
}
