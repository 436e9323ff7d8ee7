using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Review;

/// <summary>
/// The items a text search has to look at, as one of the text indexes finds them: a superset of the
/// items containing the text, which the review query narrows with the same LIKE it uses without an index.
/// Only the matches within the searched dataset's span of ids are counted and read: a word common in one
/// dataset must not send the search of another, where it is rare, to a scan (datasets are imported whole,
/// so their spans overlap only where evolution runs wrote into several at once). Each statement reads the
/// span itself, so an item written and indexed between the probe and the page is not left out.
/// </summary>
internal sealed class TextCandidates
{
    private static readonly Index Phrases = new(
        Probe(ItemPhraseIndex.MatchingIds + InSpan, ItemPhraseIndex.UnindexedIds),
        Within + "(" + ItemPhraseIndex.MatchingIds + InSpan + " UNION ALL " + ItemPhraseIndex.UnindexedIds + ")");

    private static readonly Index Trigrams = new(
        Probe(ItemTextIndex.MatchingIds + InSpan, ItemTextIndex.UnindexedIds),
        Within + "(" + ItemTextIndex.MatchingIds + InSpan + " UNION ALL " + ItemTextIndex.UnindexedIds + ")");

    // One IN list, so that SQLite walks the candidates in id order rather than scanning the table to avoid a sort.
    private const string Within = "SELECT * FROM \"Items\" NOT INDEXED WHERE \"Id\" IN ";

    // FTS5 seeks a rowid range within its lists: the first and last item of dataset {1}, two seeks on the index
    // that leads with the dataset and then the id (min and max in one subquery would read every row).
    private const string InSpan =
        " AND rowid BETWEEN (SELECT min(\"Id\") FROM \"Items\" INDEXED BY \"" + ReviewIndex.ById + "\" WHERE \"DatasetId\" = {1})" +
        " AND (SELECT max(\"Id\") FROM \"Items\" INDEXED BY \"" + ReviewIndex.ById + "\" WHERE \"DatasetId\" = {1})";

    private readonly Index _index;
    private readonly string _match;
    private readonly int _datasetId;

    private TextCandidates(Index index, string match, int datasetId) => (_index, _match, _datasetId) = (index, match, datasetId);

    /// <summary>
    /// The candidates when an index finds at most <paramref name="limit"/> of them, else null (no text,
    /// too short, too common: the caller scans). The phrase index first: where it applies (three words
    /// whole in the text) it finds far fewer than the trigrams, whose common words it tells apart. When
    /// its own matches alone are too many, the text is common and the trigrams, which find about a superset,
    /// are not asked (a pass over common trigrams costs tens of milliseconds); when the items it does not
    /// cover yet are (the background indexer behind a large import), they are.
    /// </summary>
    public static async Task<TextCandidates?> ForAsync(WorkbenchDb db, int datasetId, string? text, int limit, CancellationToken cancellationToken)
    {
        if (text is null)
            return null;
        if (ItemPhraseIndex.Match(text) is { } phrases)
        {
            // Too many items with the last word whole means at least as many with it as a prefix: a common
            // text told cheaply (a prefix over 200,000 items costs some 35 ms before it yields a row).
            var whole = ItemPhraseIndex.Match(text, lastWordWhole: true)!;
            if (whole != phrases && (await ProbeAsync(db, Phrases, whole, datasetId, limit, cancellationToken)).Matching > limit)
                return null;
            var found = await ProbeAsync(db, Phrases, phrases, datasetId, limit, cancellationToken);
            if (found.Matching + found.Unindexed <= limit)
                return new TextCandidates(Phrases, phrases, datasetId);
            if (found.Matching > limit)
                return null;
        }
        if (ItemTextIndex.Match(text) is { } trigrams)
        {
            var found = await ProbeAsync(db, Trigrams, trigrams, datasetId, limit, cancellationToken);
            if (found.Matching + found.Unindexed <= limit)
                return new TextCandidates(Trigrams, trigrams, datasetId);
        }
        return null;
    }

    /// <summary>The candidates as a source for a query to compose on, by primary key.</summary>
    public IQueryable<Instruction> Items(WorkbenchDb db) => db.Instructions.FromSqlRaw(_index.Items, _match, _datasetId);

    /// <summary>How many items the expression matches and how many the index does not cover, each counted up to one past the limit.</summary>
    private static Task<Found> ProbeAsync(WorkbenchDb db, Index index, string match, int datasetId, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<Found>(index.Probe, match, datasetId, limit + 1).SingleAsync(cancellationToken);

    private static string Probe(string matching, string unindexed) =>
        "SELECT (SELECT count(*) FROM (" + matching + " LIMIT {2})) AS \"Matching\", " +
        "(SELECT count(*) FROM (" + unindexed + " LIMIT {2})) AS \"Unindexed\"";

    private sealed record Index(string Probe, string Items);

    private sealed class Found
    {
        public int Matching { get; init; }
        public int Unindexed { get; init; }
    }
}
