using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MMEvol.Benchmarks.Import;

/// <summary>
/// The floor an import cannot beat: the same rows (records, seed rounds, items) inserted into the
/// same schema with prepared Microsoft.Data.Sqlite commands in one transaction, values already in
/// hand: no parsing, no validation, no image files opened.
/// </summary>
internal static class RawInsertBaseline
{
    public static void Run(string databaseFile, int datasetId, ImportCorpus corpus)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var record = Prepare(connection, transaction, "Records",
            "DatasetId, SourceId, SourceIndex, ImagePath, Sha256, Width, Height, Detections, Fingerprint, ImportedAt");
        using var round = Prepare(connection, transaction, "Rounds",
            "RecordId, Number, Direction, ParentItemIds, Status, CreatedAt");
        using var item = Prepare(connection, transaction, "Items",
            "RoundId, DatasetId, RecordId, RoundNumber, Direction, \"Index\", Question, Answer, Steps, Objects, Skills, Format, ImagePosition, " +
            "AutoDecision, ReviewState, FinalDecision, Version, Metrics_Length, Metrics_Steps, Metrics_Objects, Metrics_Skills, Metrics_FormatChanged");

        for (var i = 0; i < corpus.Records; i++)
        {
            var recordId = Insert(record, datasetId, i.ToString("D12", CultureInfo.InvariantCulture), i, ImportCorpus.ImagePath(i),
                i.ToString("x64", CultureInfo.InvariantCulture), 16, 12, "[]", i.ToString("x32", CultureInfo.InvariantCulture), 0L);
            var roundId = Insert(round, recordId, 0, "Seed", "[]", "Evolved", 0L);
            for (var t = 0; t < ImportCorpus.Turns(i); t++)
            {
                var (question, answer) = ImportCorpus.Turn(i, t);
                Insert(item, roundId, datasetId, recordId, 0, "Seed", t, question, answer, "[]", "[]", "[]", "Norm", "single",
                    "Kept", "Unreviewed", "Kept", 0, question.Length + answer.Length, 0, 0, 0, false);
            }
        }
        transaction.Commit();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, string columns)
    {
        var names = columns.Split(',', StringSplitOptions.TrimEntries);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({columns}) VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))}) RETURNING Id";
        for (var i = 0; i < names.Length; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        return command;
    }

    private static long Insert(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
        return (long)command.ExecuteScalar()!;
    }
}
