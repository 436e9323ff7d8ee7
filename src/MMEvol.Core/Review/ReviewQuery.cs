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

    /// <summary>For a page in id order, up to this many candidates are still sought by id when a first window of the scan did not fill the page.</summary>
    internal int WideCandidateLimit { get; init; } = ItemTextIndex.WideCandidateLimit;

    /// <summary>How many items after the cursor that first window reads (about 20 ms on the benchmark's store).</summary>
    internal int ScanWindow { get; init; } = ItemTextIndex.ScanWindow;

    public async Task<ReviewPage> PageAsync(ReviewFilter filter, ReviewCursor? after, CancellationToken cancellationToken = default)
    {
        var take = filter.Take;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var candidates = await TextCandidates.ForAsync(db, filter.DatasetId, filter.Substring, TextCandidateLimit, cancellationToken);
        if (candidates is null && filter.Sort == ReviewSort.ById && ItemTextIndex.Match(filter.Substring ?? "") is not null)
        {
            // Text whose trigrams many items hold: common text fills the page within a short scan; words
            // that are common apart but rare together ("kite near the boat") do not, and would make the
            // scan read every item, where reading their candidates by id takes a fraction of that.
            var window = await WindowAsync(db, filter, after, cancellationToken);
            if (window.Count > take)
                return Page(filter, after, window);
            candidates = await TextCandidates.ForAsync(db, filter.DatasetId, filter.Substring, WideCandidateLimit, cancellationToken);
        }

        var rows = new List<ReviewRow>(take + 1);
        foreach (var segment in ReviewSegment.After(filter, after))
        {
            // One row past the page tells whether there is more without a count.
            var wanted = take + 1 - rows.Count;
            if (wanted <= 0)
                break;
            var items = segment.Sorted(ReviewFilters.Apply(db, segment.Source(db, candidates), filter, segment.NeedsScoreRange));
            rows.AddRange(await Project(db, items).Take(wanted).ToListAsync(cancellationToken));
        }

        return Page(filter, after, rows);
    }

    /// <summary>
    /// How many items the filter matches; reads every match, so slower than a page on broad filters. A
    /// count reads every item or every candidate, so up to <see cref="WideCandidateLimit"/> candidates win.
    /// </summary>
    public async Task<int> CountAsync(ReviewFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var candidates = await TextCandidates.ForAsync(db, filter.DatasetId, filter.Substring, Math.Max(TextCandidateLimit, WideCandidateLimit), cancellationToken);
        var source = candidates?.Items(db) ?? db.Instructions.FromSqlRaw(ReviewIndex.Select(ReviewIndex.ForIdOrder(filter)));
        return await ReviewFilters.Apply(db, source, filter).CountAsync(cancellationToken);
    }

    /// <summary>
    /// The page as far as the first <see cref="ScanWindow"/> items after the cursor hold it: the window is
    /// a prefix of the id order, so when it yields a page and one row more, that is the page.
    /// </summary>
    private async Task<List<ReviewRow>> WindowAsync(WorkbenchDb db, ReviewFilter filter, ReviewCursor? after, CancellationToken cancellationToken)
    {
        var window = db.Instructions.FromSqlRaw(
            "SELECT * FROM \"Items\" INDEXED BY \"" + ReviewIndex.ById + "\" WHERE \"DatasetId\" = {0} AND \"Id\" > {1} ORDER BY \"Id\" LIMIT {2}",
            filter.DatasetId, after?.Id ?? 0, ScanWindow);
        var items = ReviewFilters.Apply(db, window, filter).OrderBy(i => i.Id);
        return await Project(db, items).Take(filter.Take + 1).ToListAsync(cancellationToken);
    }

    private static ReviewPage Page(ReviewFilter filter, ReviewCursor? after, List<ReviewRow> rows)
    {
        var page = rows.Take(filter.Take).Select(r => r with { Question = Trim(r.Question) }).ToList();
        var next = page.Count == 0 ? after : Cursor(filter, page[^1]);
        return new ReviewPage(page, next, rows.Count > filter.Take);
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
