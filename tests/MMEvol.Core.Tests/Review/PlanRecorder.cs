using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MMEvol.Core.Review;

namespace MMEvol.Core.Tests.Review;

/// <summary>Asks SQLite for the plan of every query EF runs, on the same connection with the same parameters.</summary>
public sealed class PlanRecorder : DbCommandInterceptor
{
    private readonly List<(string Sql, IReadOnlyList<string> Plan)> _queries = [];

    public IReadOnlyList<(string Sql, IReadOnlyList<string> Plan)> Queries => _queries;

    /// <summary>The queries reading items' rows: not the text indexes' probes (counts).</summary>
    public IEnumerable<(string Sql, IReadOnlyList<string> Plan)> ItemReads =>
        _queries.Where(q => q.Sql.Contains("FROM \"Items\"", StringComparison.Ordinal) && !q.Sql.Contains("count(*)", StringComparison.Ordinal));

    /// <summary>
    /// Whether a plan line reads items other than by primary key, leaving out the two seeks on the id
    /// index that bound a text index's matches to the dataset's span of ids.
    /// </summary>
    public static bool ReadsItemsBeyondKeys(string line) =>
        line.StartsWith("SCAN Items", StringComparison.Ordinal) ||
        line.Contains("INDEX IX_Items_", StringComparison.Ordinal) && !IsSpanSeek(line);

    public static bool IsSpanSeek(string line) =>
        line.StartsWith("SEARCH Items USING COVERING INDEX " + ReviewIndex.ById + " (DatasetId=?)", StringComparison.Ordinal);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await using var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            explain.Parameters.Add(copy);
        }
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                plan.Add(reader.GetString(3));
        _queries.Add((command.CommandText, plan));
        return result;
    }
}
