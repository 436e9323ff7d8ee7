using System.Text;
using Microsoft.Data.Sqlite;
using MMEvol.Core.Data;
using MMEvol.Core.Review;

namespace MMEvol.Benchmarks.Review;

/// <summary>
/// The baseline: the same page, count and lineage written by hand as one SELECT each on the index
/// the data layer chooses (INDEXED BY, or the phrase or trigram index's candidates by id; joins in a fixed order), run through one open connection
/// with plain SqliteCommands: no EF, no context, no pool, no per-call pragmas.
/// </summary>
internal sealed class BareReviewSql(string databaseFile) : IDisposable
{
    private readonly SqliteConnection _connection = Open(databaseFile);

    /// <summary>The page's rows plus one past it, as the data layer reads them; returns how many came back.</summary>
    public async Task<int> PageAsync(ReviewFilter f, ReviewCursor? after)
    {
        var match = await TextMatchAsync(f, ItemTextIndex.CandidateLimit);
        if (match is null && f.Sort == ReviewSort.ById && ItemTextIndex.Match(f.Substring ?? "") is not null)
        {
            // As the data layer: a window of the scan first, then the candidates by id when there are not too many.
            var inWindow = await PageAsync(f, after, null, window: true);
            if (inWindow > f.Take)
                return inWindow;
            match = await TextMatchAsync(f, ItemTextIndex.WideCandidateLimit);
        }
        return await PageAsync(f, after, match, window: false);
    }

    private async Task<int> PageAsync(ReviewFilter f, ReviewCursor? after, IndexMatch? match, bool window)
    {
        await using var command = _connection.CreateCommand();
        var byScore = f.Sort != ReviewSort.ById;
        if (byScore && (f.Sort != ReviewSort.ByScoreDescending || f.MinScore is null || f.MaxScore is null))
            throw new NotSupportedException("The baseline writes the score order only for a best-first page within a score range.");
        var items = window
            ? $"(SELECT * FROM Items INDEXED BY \"{ReviewIndex.ById}\" WHERE DatasetId = $dataset AND Id > $after ORDER BY Id LIMIT {ItemTextIndex.ScanWindow}) AS i"
            : $"Items AS i {Index(match, byScore ? ReviewIndex.ByScore : ReviewIndex.ForIdOrder(f))}";
        var sql = new StringBuilder(
            "SELECT i.Id, i.RecordId, r.SourceId, i.RoundNumber, i.Direction, substr(i.Question, 1, $chars), i.EffectiveScore, i.JudgeScore, " +
            "i.FinalDecision, i.ReviewState, o.Status, r.ImagePath IS NOT NULL, i.Version " +
            $"FROM {items} " +
            "CROSS JOIN Records AS r CROSS JOIN Rounds AS o WHERE r.Id = i.RecordId AND o.Id = i.RoundId");
        Candidates(sql, command, match);
        // A cursor's score is the page's upper bound: given the filter's as well, SQLite could seek on the looser one.
        var upper = byScore && after is { Score: { } below } ? below : f.MaxScore;
        Where(sql, command, f with { MaxScore = upper });
        if (!byScore)
        {
            sql.Append(" AND i.Id > $after ORDER BY i.Id");
            command.Parameters.AddWithValue("$after", after?.Id ?? 0);
        }
        else
        {
            if (after is { Score: not null })
            {
                // The rows of the cursor's own score before it are skipped inside the index.
                sql.Append(" AND (i.EffectiveScore < $max OR i.Id < $after)");
                command.Parameters.AddWithValue("$after", after.Id);
            }
            sql.Append(" ORDER BY i.EffectiveScore DESC, i.Id DESC");
        }
        sql.Append(" LIMIT $take");
        command.Parameters.AddWithValue("$chars", ReviewQuery.QuestionLength + 1);
        command.Parameters.AddWithValue("$take", f.Take + 1);
        command.CommandText = sql.ToString();
        return await ReadAllAsync(command);
    }

    public async Task<long> CountAsync(ReviewFilter f)
    {
        await using var command = _connection.CreateCommand();
        var match = await TextMatchAsync(f, ItemTextIndex.WideCandidateLimit);
        var sql = new StringBuilder($"SELECT COUNT(*) FROM Items AS i {Index(match, ReviewIndex.ForIdOrder(f))} WHERE 1");
        Candidates(sql, command, match);
        Where(sql, command, f);
        command.CommandText = sql.ToString();
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The record, its rounds in order and its items in order, every column; returns the rows read.</summary>
    public async Task<int> LineageAsync(int recordId)
    {
        var rows = 0;
        foreach (var sql in new[]
        {
            "SELECT * FROM Records WHERE Id = $id",
            "SELECT * FROM Rounds WHERE RecordId = $id ORDER BY Number",
            "SELECT * FROM Items WHERE RecordId = $id ORDER BY RoundNumber, \"Index\"",
        })
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", recordId);
            rows += await ReadAllAsync(command);
        }
        return rows;
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>
    /// The same probes the data layer makes: the phrase index's match (after its cheaper subset with the last
    /// word whole), then the trigram index's, when it finds few enough items; none when the phrase index
    /// alone matches too many. The candidates' SQL is the store's own (the index tables and watermarks).
    /// </summary>
    private async Task<IndexMatch?> TextMatchAsync(ReviewFilter f, int limit)
    {
        if (f.Substring is not { } text)
            return null;
        if (ItemPhraseIndex.Match(text) is { } phrases)
        {
            var whole = ItemPhraseIndex.Match(text, lastWordWhole: true)!;
            if (whole != phrases && (await ProbeAsync(ItemPhraseIndex.MatchingIds, ItemPhraseIndex.UnindexedIds, whole, f.DatasetId, limit)).Found > limit)
                return null;
            var (found, behind) = await ProbeAsync(ItemPhraseIndex.MatchingIds, ItemPhraseIndex.UnindexedIds, phrases, f.DatasetId, limit);
            if (found + behind <= limit)
                return Candidates(ItemPhraseIndex.MatchingIds, ItemPhraseIndex.UnindexedIds, phrases);
            if (found > limit)
                return null;
        }
        if (ItemTextIndex.Match(text) is { } trigrams)
        {
            var (found, behind) = await ProbeAsync(ItemTextIndex.MatchingIds, ItemTextIndex.UnindexedIds, trigrams, f.DatasetId, limit);
            if (found + behind <= limit)
                return Candidates(ItemTextIndex.MatchingIds, ItemTextIndex.UnindexedIds, trigrams);
        }
        return null;
    }

    private async Task<(long Found, long Behind)> ProbeAsync(string matching, string unindexed, string match, int datasetId, int limit)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT (SELECT count(*) FROM ({Bare(matching)} LIMIT $limit)), (SELECT count(*) FROM ({unindexed} LIMIT $limit))";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$dataset", datasetId);
        command.Parameters.AddWithValue("$limit", limit + 1);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static IndexMatch Candidates(string matching, string unindexed, string match) => new($"{Bare(matching)} UNION ALL {unindexed}", match);

    /// <summary>The index's matches within the dataset's span of ids, as the data layer reads them.</summary>
    private static string Bare(string sql) => sql.Replace("{0}", "$match", StringComparison.Ordinal) +
        $" AND rowid BETWEEN (SELECT min(Id) FROM Items INDEXED BY \"{ReviewIndex.ById}\" WHERE DatasetId = $dataset)" +
        $" AND (SELECT max(Id) FROM Items INDEXED BY \"{ReviewIndex.ById}\" WHERE DatasetId = $dataset)";

    private static string Index(IndexMatch? match, string index) => match is null ? $"INDEXED BY \"{index}\"" : "NOT INDEXED";

    private static void Candidates(StringBuilder sql, SqliteCommand command, IndexMatch? match)
    {
        if (match is null)
            return;
        sql.Append($" AND i.Id IN ({match.Ids})");
        command.Parameters.AddWithValue("$match", match.Match);
    }

    private static void Where(StringBuilder sql, SqliteCommand command, ReviewFilter f)
    {
        void Term(string term, string name, object value)
        {
            sql.Append(" AND ").Append(term);
            command.Parameters.AddWithValue(name, value);
        }

        Term("i.DatasetId = $dataset", "$dataset", f.DatasetId);
        if (f.Round is { } round)
            Term("i.RoundNumber = $round", "$round", round);
        if (f.Direction is { } direction)
            Term("i.Direction = $direction", "$direction", direction.ToString());
        if (f.FinalDecision is { } decision)
            Term("i.FinalDecision = $decision", "$decision", decision.ToString());
        if (f.ReviewState is { } state)
            Term("i.ReviewState = $state", "$state", state.ToString());
        if (f.MinScore is { } min)
            Term("i.EffectiveScore >= $min", "$min", min);
        if (f.MaxScore is { } max)
            Term("i.EffectiveScore <= $max", "$max", max);
        if (f.FailedRounds)
            sql.Append(" AND EXISTS (SELECT 1 FROM Rounds AS f WHERE f.RecordId = i.RecordId AND f.Status <> 'Evolved')");
        if (f.Substring is { } text)
            Term("(i.Question LIKE $text ESCAPE '\\' OR i.Answer LIKE $text ESCAPE '\\')", "$text", LikePattern.Containing(text));
    }

    private sealed record IndexMatch(string Ids, string Match);

    private static async Task<int> ReadAllAsync(SqliteCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        var rows = 0;
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
