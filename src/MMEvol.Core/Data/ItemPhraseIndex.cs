using System.Text;
using Microsoft.Data.Sqlite;

namespace MMEvol.Core.Data;

/// <summary>
/// The word-shingle index over items' questions and answers (migration ItemPhraseIndex): each run of
/// <see cref="Width"/> consecutive words is one term ("kite_near_the"). The trigram index cannot tell
/// "kite near the boat" from an item that says "kite near the centre" and "the boat" elsewhere, and
/// stores no positions to do so; a search of several words finds instead the items holding every
/// run of three of its words, which is nearly always just the items containing it.
/// Terms are made here, not by SQLite's tokenizer (which has no notion of word runs), so new items
/// are indexed by <see cref="PhraseIndexer"/> in the background rather than by the writers; items past
/// <c>ItemPhrasesIndexed.Through</c> and items whose text changed (<c>ItemPhrasesPending</c>, kept by
/// triggers) are read directly, so a lagging index makes searches slower, never wrong.
/// </summary>
internal static class ItemPhraseIndex
{
    /// <summary>Words per term: two are often common together ("near the"), three rarely are.</summary>
    public const int Width = 3;

    /// <summary>Longer words are cut here, alike in items and searches (a cut word still matches its own cut).</summary>
    public const int MaxWordLength = 64;

    private const int MaxTerms = 16;

    /// <summary>The rows of the index that a search's expression matches.</summary>
    public const string MatchingIds = "SELECT rowid FROM \"ItemPhrases\" WHERE \"ItemPhrases\" MATCH {0}";

    /// <summary>The items the index does not cover: past its reach, or their text changed since.</summary>
    public const string UnindexedIds =
        "SELECT \"Id\" FROM \"Items\" WHERE \"Id\" > (SELECT \"Through\" FROM \"ItemPhrasesIndexed\") " +
        "UNION ALL SELECT \"Id\" FROM \"ItemPhrasesPending\"";

    /// <summary>
    /// The match expression for <paramref name="text"/>, or null when it holds fewer than <see cref="Width"/>
    /// words that can start a run in an item containing it. The text may begin inside an item's word ("ite
    /// near the boat" is in "kite near the boat"), so its first word counts only after a separator; a last
    /// word that may go on ("bo") matches as a prefix, unless <paramref name="lastWordWhole"/>: the items that
    /// expression finds are a subset, found without the prefix's cost (FTS5 reads every row id of the terms
    /// a prefix covers before the first one comes out, where it stops a plain AND at a LIMIT). The runs of
    /// three words are the terms, joined by AND: the first fifteen and the last, so that a pasted paragraph
    /// stays a small query (fewer terms find more items, never fewer).
    /// </summary>
    public static string? Match(string text, bool lastWordWhole = false)
    {
        var words = Words(text);
        if (text.Length > 0 && char.IsLetterOrDigit(text[0]) && words.Count > 0)
            words.RemoveAt(0);
        if (words.Count < Width)
            return null;
        var open = !lastWordWhole && char.IsLetterOrDigit(text[^1]);
        var last = words.Count - Width;
        return string.Join(" AND ", Enumerable.Range(0, last + 1)
            .Where(start => start < MaxTerms - 1 || start == last)
            .Select(start => "\"" + AppendTerm(new StringBuilder(), words, start) + (open && start == last ? "\"*" : "\"")));
    }

    /// <summary>The text the index stores for an item: its terms, question and answer apart, separated by spaces.</summary>
    public static string Document(string question, string answer)
    {
        var document = new StringBuilder();
        foreach (var words in new[] { Words(question), Words(answer) })
            for (var start = 0; start + Width <= words.Count; start++)
                AppendTerm(document.Append(document.Length == 0 ? "" : " "), words, start);
        return document.ToString();
    }

    /// <summary>
    /// Indexes, in the caller's transaction, up to <paramref name="maxItems"/> of the items whose text changed
    /// and up to as many items past the index's reach, in id order; returns how many items it read.
    /// </summary>
    public static int CatchUp(SqliteConnection connection, SqliteTransaction transaction, int maxItems)
    {
        using var insert = Command(connection, transaction, """INSERT INTO "ItemPhrases"(rowid, "Phrases") VALUES ($id, $phrases)""");
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var phrases = insert.Parameters.Add("$phrases", SqliteType.Text);
        insert.Prepare();

        // Indexes the items the query reads; returns how many and the last id.
        (int Count, long Last) Index(string sql)
        {
            using var read = Command(connection, transaction, sql);
            read.Parameters.AddWithValue("$max", maxItems);
            using var reader = read.ExecuteReader();
            var (count, through) = (0, 0L);
            while (reader.Read())
            {
                (count, through) = (count + 1, reader.GetInt64(0));
                var document = Document(reader.GetString(1), reader.GetString(2));
                if (document.Length == 0)
                    continue; // nothing to find it by: no row, as for a deleted item
                id.Value = through;
                phrases.Value = document;
                insert.ExecuteNonQuery();
            }
            return (count, through);
        }

        var edited = Index(
            """
            SELECT "Id", "Question", "Answer" FROM "Items"
            WHERE "Id" IN (SELECT "Id" FROM "ItemPhrasesPending" ORDER BY "Id" LIMIT $max) ORDER BY "Id"
            """);
        var added = Index(
            """
            SELECT "Id", "Question", "Answer" FROM "Items"
            WHERE "Id" > (SELECT "Through" FROM "ItemPhrasesIndexed") ORDER BY "Id" LIMIT $max
            """);

        // The pending ids just read (a delete clears its own, so each still names an item).
        using var mark = Command(connection, transaction,
            """
            DELETE FROM "ItemPhrasesPending" WHERE "Id" IN (SELECT "Id" FROM "ItemPhrasesPending" ORDER BY "Id" LIMIT $max);
            UPDATE "ItemPhrasesIndexed" SET "Through" = max("Through", $through);
            """);
        mark.Parameters.AddWithValue("$max", maxItems);
        mark.Parameters.AddWithValue("$through", added.Last);
        mark.ExecuteNonQuery();
        return edited.Count + added.Count;
    }

    /// <summary>
    /// Runs of letters and digits, cut at <see cref="MaxWordLength"/>. Case is left to the tokenizer, which folds
    /// ASCII letters only, as LIKE does.
    /// </summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        for (var at = 0; at < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[at]))
            {
                at++;
                continue;
            }
            var start = at;
            while (at < text.Length && char.IsLetterOrDigit(text[at]))
                at++;
            // Letters and digits have no surrogates, so the cut never splits a character.
            words.Add(text.Substring(start, Math.Min(at - start, MaxWordLength)));
        }
        return words;
    }

    // The ascii tokenizer keeps '_' and every non-ASCII character inside a token, so a term stays one token.
    private static StringBuilder AppendTerm(StringBuilder text, List<string> words, int start)
    {
        text.Append(words[start]);
        for (var next = start + 1; next < start + Width; next++)
            text.Append('_').Append(words[next]);
        return text;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }
}
