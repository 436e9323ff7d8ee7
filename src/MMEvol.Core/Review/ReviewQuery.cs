using MMEvol.Core.Data;
using MMEvol.Core.Model;
using Microsoft.EntityFrameworkCore;

namespace MMEvol.Core.Review;

/// <summary>
/// The review list: keyset pages (never OFFSET: a page deep in two million items costs what the
/// first one does) over an index chosen for the filter (<see cref="ReviewIndex"/>), and the count.
/// </summary>
public sealed class ReviewQuery(IDbContextFactory<WorkbenchDb> factory)
{
    /// <summary>How much of a question the list shows; the lineage view has the rest.</summary>
    public const int QuestionLength = 160;

    /// <summary>Up to this many text-index candidates a text search seeks them by id; beyond, it scans in page order.</summary>
    internal int TextCandidateLimit { get; init; } = ItemTextIndex.CandidateLimit;

    public async Task<ReviewPage> PageAsync(ReviewFilter filter, ReviewCursor? after, CancellationToken cancellationToken = default)
    {
        var take = filter.Take;
        var rows = new List<ReviewRow>(take + 1);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var textMatch = await ItemTextIndex.MatchForAsync(db, filter.Substring, TextCandidateLimit, cancellationToken);
        foreach (var segment in ReviewSegment.After(filter, after))
        {
            // One row past the page tells whether there is more without a count.
            var wanted = take + 1 - rows.Count;
            if (wanted <= 0)
                break;
            var items = segment.Sorted(ReviewFilters.Apply(db, segment.Source(db, textMatch), filter, segment.NeedsScoreRange));
            rows.AddRange(await Project(db, items).Take(wanted).ToListAsync(cancellationToken));
        }

        var hasMore = rows.Count > take;
        var page = rows.Take(take).Select(r => r with { Question = Trim(r.Question) }).ToList();
        var next = page.Count == 0 ? after : Cursor(filter, page[^1]);
        return new ReviewPage(page, next, hasMore);
    }

    /// <summary>How many items the filter matches; reads every match, so slower than a page on broad filters.</summary>
    public async Task<int> CountAsync(ReviewFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var textMatch = await ItemTextIndex.MatchForAsync(db, filter.Substring, TextCandidateLimit, cancellationToken);
        var source = textMatch is null
            ? db.Instructions.FromSqlRaw(ReviewIndex.Select(ReviewIndex.ForIdOrder(filter)))
            : db.Instructions.FromSqlRaw(ItemTextIndex.Candidates, textMatch);
        return await ReviewFilters.Apply(db, source, filter).CountAsync(cancellationToken);
    }

    private static ReviewCursor Cursor(ReviewFilter filter, ReviewRow last) =>
        new(filter.Sort == ReviewSort.ById ? null : last.EffectiveScore, last.ItemId);

    private static IQueryable<ReviewRow> Project(WorkbenchDb db, IQueryable<Instruction> items) =>
        items.Select(i => new ReviewRow(
            i.Id,
            i.RecordId,
            db.Records.Where(r => r.Id == i.RecordId).Select(r => r.SourceId).FirstOrDefault(),
            i.RoundNumber,
            i.Direction,
            i.Question.Substring(0, QuestionLength + 1),
            i.EffectiveScore,
            i.JudgeScore,
            i.FinalDecision,
            i.ReviewState,
            db.Rounds.Where(r => r.Id == i.RoundId).Select(r => r.Status).FirstOrDefault(),
            db.Records.Where(r => r.Id == i.RecordId).Select(r => r.ImagePath != null).FirstOrDefault(),
            i.Version));

    /// <summary>Cuts at <see cref="QuestionLength"/> characters without splitting a surrogate pair, marking the cut.</summary>
    internal static string Trim(string question)
    {
        if (question.Length <= QuestionLength)
            return question;
        var cut = char.IsHighSurrogate(question[QuestionLength - 1]) ? QuestionLength - 1 : QuestionLength;
        return question[..cut].TrimEnd() + "…";
    }
}
