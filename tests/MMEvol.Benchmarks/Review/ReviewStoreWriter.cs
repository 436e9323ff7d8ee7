using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MMEvol.Core.Model;

namespace MMEvol.Benchmarks.Review;

/// <summary>
/// Writes a dataset the shape of an MMEvol run under review: each record a seed round of 2-4 items
/// and three evolved rounds (random direction, about 3 items each); 3% of evolved rounds Failed
/// (no items, a reason and the raw response) and 1% JudgeFailed (items unscored, eliminated).
/// Judge scores in halves around 6.5 (5% missing), a quarter eliminated, 3% of items reviewed.
/// Ids are given, not returned, so each row is one prepared statement.
/// </summary>
internal sealed class ReviewStoreWriter(SqliteConnection connection, int datasetId, Random random)
{
    private const int RecordsPerTransaction = 5_000;
    private static readonly Direction[] Evolved = [Direction.Perception, Direction.Reasoning, Direction.Interaction];

    private readonly ReviewText _text = new(random);
    private readonly ReviewStoreCounts _counts = new();
    private int _roundId;
    private long _itemId;

    public ReviewStoreCounts Write(int records)
    {
        using var record = new PreparedInsert(connection, "Records",
            "Id, DatasetId, SourceId, SourceIndex, ImagePath, Sha256, Width, Height, Caption, Detections, Fingerprint, ImportedAt");
        using var round = new PreparedInsert(connection, "Rounds",
            "Id, RecordId, Number, Direction, ParentRoundId, ParentItemIds, Model, PromptVersion, RawResponse, Attempt, Status, FailureReason, CreatedAt");
        using var item = new PreparedInsert(connection, "Items",
            "Id, RoundId, DatasetId, RecordId, RoundNumber, Direction, Index, Question, Answer, Steps, Objects, Skills, Format, ImagePosition, " +
            "ParentItemId, Improved, JudgeScore, JudgeReason, Judge, AutoDecision, PolicyVersion, ReviewState, Override, ReviewerScore, FinalDecision, " +
            "Version, Metrics_FormatChanged, Metrics_Length, Metrics_Steps, Metrics_Objects, Metrics_Skills, Metrics_StepGain, Metrics_SkillGain, Metrics_ObjectGain");
        SqliteTransaction? transaction = null;
        for (var r = 1; r <= records; r++)
        {
            if (transaction is null)
            {
                transaction = connection.BeginTransaction();
                record.Transaction = round.Transaction = item.Transaction = transaction;
            }
            record.Run(r, datasetId, r.ToString("D12", CultureInfo.InvariantCulture), r - 1,
                string.Create(CultureInfo.InvariantCulture, $"{r / 1000:D3}/{r:D7}.jpg"), r.ToString("x64", CultureInfo.InvariantCulture),
                640, 480, $"A street scene with a {_text.Object()} and a {_text.Object()}.", "[]", r.ToString("x32", CultureInfo.InvariantCulture), 0L);
            _counts.Records++;
            WriteLineage(r, round, item);
            if (r % RecordsPerTransaction == 0 || r == records)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = null;
            }
        }
        return _counts;
    }

    private void WriteLineage(int recordId, PreparedInsert round, PreparedInsert item)
    {
        (int Id, List<long> Items)? parent = null;
        for (var number = 0; number <= 3; number++)
        {
            var direction = number == 0 ? Direction.Seed : Evolved[random.Next(Evolved.Length)];
            var status = number == 0 ? RoundStatus.Evolved : random.Next(100) switch { < 3 => RoundStatus.Failed, 3 => RoundStatus.JudgeFailed, _ => RoundStatus.Evolved };
            var id = ++_roundId;
            var failed = status == RoundStatus.Failed;
            var parentIds = parent?.Items ?? [];
            round.Run(id, recordId, number, direction.ToString(), parent?.Id, JsonSerializer.Serialize(parentIds), number == 0 ? null : "offline-evolver",
                number == 0 ? null : "mmevol-v1", failed ? "{\"items\": [{\"question\": \"What is" : null, 1, status.ToString(),
                failed ? "The response is not valid JSON: unexpected end of data at line 1, column 36." : null, 1_764_400_000_000L + id);
            _counts.Rounds++;
            if (failed)
            {
                _counts.FailedRounds++;
                continue;
            }

            var count = number == 0 ? random.Next(2, 5) : 2 + random.Next(3) + (random.Next(4) == 0 ? 1 : 0);
            var ids = new List<long>(count);
            for (var index = 0; index < count; index++)
            {
                ids.Add(++_itemId);
                var parentItem = index < parentIds.Count ? parentIds[index] : (long?)null;
                WriteItem(item, id, recordId, number, direction, index, parentItem, judged: number > 0 && status == RoundStatus.Evolved);
            }
            parent = (id, ids);
        }
    }

    private void WriteItem(PreparedInsert item, int roundId, int recordId, int number, Direction direction, int index, long? parentItem, bool judged)
    {
        var (question, answer, steps, objects, skills, stepCount, objectCount, skillCount) = _text.Item(direction);
        double? score = judged && random.Next(20) > 0 ? Math.Clamp(Math.Round(Normal(6.5, 2) * 2) / 2, 0, 10) : null;
        var auto = number == 0 || score >= 5 ? Decision.Kept : Decision.Eliminated;
        var state = random.Next(100) switch { < 2 => ReviewState.Confirmed, 2 => ReviewState.Overridden, _ => ReviewState.Unreviewed };
        Decision? overridden = state == ReviewState.Overridden ? auto == Decision.Kept ? Decision.Eliminated : Decision.Kept : null;
        double? reviewerScore = random.Next(200) == 0 ? random.Next(21) / 2.0 : null;
        var final = overridden ?? auto;
        item.Run(_itemId, roundId, datasetId, recordId, number, direction.ToString(), index, question, answer, steps, objects, skills, InstructionFormats.Norm,
            ImagePosition.Single, parentItem, score is null ? null : score >= 5, score,
            score is null ? null : $"The rewrite is {(score >= 5 ? "more" : "less")} complex and stays grounded in the image.", score is null ? null : "offline-judge",
            auto.ToString(), 1, state.ToString(), overridden?.ToString(), reviewerScore, final.ToString(),
            1 + (state == ReviewState.Unreviewed ? 0 : 1) + (reviewerScore is null ? 0 : 1), false, question.Length + answer.Length,
            stepCount, objectCount, skillCount, 0.0, 0.0, 0.0);
        _counts.Items++;
        if (score is null)
            _counts.Unscored++;
        if (state != ReviewState.Unreviewed)
            _counts.Reviewed++;
        if (final == Decision.Eliminated)
            _counts.Eliminated++;
    }

    private double Normal(double mean, double deviation) =>
        mean + deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
