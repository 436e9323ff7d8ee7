using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;

namespace MMEvol.Core.Data;

/// <summary>
/// The trigram index over every item's question and answer (migration ItemTextIndex). It finds the
/// items holding every trigram of the searched text: a superset of the items containing it, which
/// the review query narrows with the same LIKE it uses without the index. The index pays off for
/// text that few items hold, where a scan in page order would read every item to fill a page; text
/// that many items hold fills a page from that scan at once, so a page uses the index first only when
/// it finds at most <see cref="CandidateLimit"/> items. Searches of several words ask the phrase index
/// (<see cref="ItemPhraseIndex"/>) before this one (Review.TextCandidates).
/// </summary>
internal static class ItemTextIndex
{
    public const int CandidateLimit = 5000;

    /// <summary>
    /// Up to this many candidates are read by id where every match is read anyway (counts, bulk review,
    /// filter snapshots) and for a page in id order whose first <see cref="ScanWindow"/> items of the scan
    /// did not fill it (ReviewQuery).
    /// </summary>
    public const int WideCandidateLimit = 100_000, ScanWindow = 20_000;

    /// <summary>
    /// How many items a writer that commits often may leave past the index's reach before it
    /// indexes them: searches read those directly, so they must stay well under <see cref="CandidateLimit"/>.
    /// </summary>
    public const int CatchUpEvery = 1000;

    /// <summary>Indexes every item past the index's reach in one statement (a writer's, in its transaction).</summary>
    public const string CatchUpSql =
        """
        INSERT INTO "ItemText"(rowid, "Question", "Answer")
            SELECT "Id", "Question", "Answer" FROM "Items" WHERE "Id" > (SELECT "Through" FROM "ItemTextIndexed") ORDER BY "Id";
        UPDATE "ItemTextIndexed" SET "Through" = max("Through", coalesce((SELECT max("Id") FROM "Items"), 0));
        """;

    private const int MaxTrigrams = 32;

    /// <summary>The indexed items holding every trigram of a search's expression.</summary>
    public const string MatchingIds = "SELECT rowid FROM \"ItemText\" WHERE \"ItemText\" MATCH {0}";

    /// <summary>The items past the index's reach.</summary>
    public const string UnindexedIds = "SELECT \"Id\" FROM \"Items\" WHERE \"Id\" > (SELECT \"Through\" FROM \"ItemTextIndexed\")";

    public static void CatchUp(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = CatchUpSql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Every other trigram of <paramref name="text"/> and the last (in Unicode characters, as the
    /// tokenizer counts them; together they cover every character), each a quoted FTS5 string, joined
    /// by AND: the index stores no positions, so it cannot match a phrase. Fewer trigrams find more
    /// candidates, never fewer, and each costs a pass over its row ids: on the benchmark's store every
    /// other one halved the lookup of common words (250 to 125 ms) for a few more candidates. At most
    /// <see cref="MaxTrigrams"/>, so that a pasted paragraph stays a small query. Null under three characters (no trigram) or for
    /// malformed UTF-16 (no defined trigrams).
    /// </summary>
    public static string? Match(string text)
    {
        var characters = new List<string>(text.Length);
        for (var at = 0; at < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(at), out _, out var used) != OperationStatus.Done)
                return null;
            characters.Add(text.Substring(at, used));
            at += used;
        }
        if (characters.Count < 3)
            return null;
        var last = characters.Count - 3;
        var trigrams = Enumerable.Range(0, last + 1)
            .Where(i => i % 2 == 0 || i == last)
            .Select(i => characters[i] + characters[i + 1] + characters[i + 2])
            .Where(t => !t.Contains('\0', StringComparison.Ordinal)) // FTS5's query parser stops at NUL: leave those out
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTrigrams)
            .Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")
            .ToList();
        return trigrams.Count == 0 ? null : string.Join(" AND ", trigrams);
    }
}
