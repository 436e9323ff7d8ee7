using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MMEvol.Core.Data;
using MMEvol.Core.Elimination;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Evolution;

/// <summary>
/// Brings a dataset up to the target round, round after round, one unit (record x round) at a
/// time. Everything it decides comes from the store, so a run that was killed or cancelled
/// continues exactly where the store says it stopped, and a run with nothing left changes nothing.
/// </summary>
public sealed class EvolutionRun(IDbContextFactory<WorkbenchDb> factory, DataDirectory data, EvolverCatalog catalog, TimeProvider time, ILogger<EvolutionRun> logger)
{
    private const int BatchSize = 256;

    /// <param name="costLimit">Stop (resumably) once the job's model calls cost this many US dollars.</param>
    public async Task<EvolutionSummary> RunAsync(int datasetId, EvolveSettings settings, int? jobId, IProgress<EvolutionProgress>? progress,
        Func<string, Task> log, CancellationToken cancellationToken, double? costLimit = null)
    {
        settings.Validate();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var context = await EvolutionContext.LoadAsync(db, data, datasetId, cancellationToken);
        using var client = catalog.Client(settings.Llm);
        var evolver = catalog.Evolver(settings, client);
        var judge = catalog.Judge(settings.Judge, settings.Llm, client);
        using var writer = new UnitWriter(db);
        var runner = new UnitRunner(db, writer, evolver, judge, context, settings, jobId, time);

        var summaries = new List<RoundSummary>();
        var done = 0;
        var spent = jobId is { } id ? await db.Rounds.Where(r => r.JobId == id).SumAsync(r => r.Cost ?? 0, cancellationToken) : 0;
        var gate = new Lock();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            var units = await RoundPlanner.PlanAsync(db, datasetId, round, settings, cancellationToken);
            var withoutDetections = units.Count(u => u.WithoutDetections);
            await log($"Round {round}: {units.Count} record(s) to evolve with {evolver.Name}, judged by {judge.Name}"
                + (withoutDetections > 0 ? $"; {withoutDetections} without detections get format rewrites only" : ""));
            var summary = new RoundSummary(round, units.Count, 0, 0, 0, 0, 0, 0);
            var total = done + units.Count * (settings.Rounds - round + 1);
            foreach (var batch in units.Chunk(BatchSize))
            {
                var (records, parents) = await runner.PrefetchAsync(batch, cancellationToken);
                var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(batch, options, async (unit, token) =>
                {
                    lock (gate)
                        CostLimit.ThrowIfReached(costLimit, spent);
                    var outcome = await runner.RunAsync(unit, records[unit.RecordId], parents[unit.ParentRoundId].ToList(), token);
                    lock (gate)
                    {
                        spent += outcome.Cost;
                        summary = Count(summary, outcome);
                        progress?.Report(new EvolutionProgress(round, ++done, total, outcome));
                    }
                    if (outcome.Status == RoundStatus.Failed)
                        logger.LogDebug("Record {RecordId} round {Round} failed: {Reason}", outcome.RecordId, outcome.Round, outcome.Reason);
                });
            }
            summaries.Add(summary);
            await log($"Round {round}: {summary.Evolved} evolved, {summary.Failed} failed, {summary.JudgeFailed} judge-failed, {summary.Skipped} already done; {summary.Kept} of {summary.Items} items kept"
                + (spent > 0 ? $"; model calls so far cost ${spent:0.0000}" : ""));
        }
        return new EvolutionSummary(summaries);
    }

    private static RoundSummary Count(RoundSummary s, UnitOutcome o) => o.Status switch
    {
        null => s with { Skipped = s.Skipped + 1 },
        RoundStatus.Failed => s with { Failed = s.Failed + 1 },
        RoundStatus.JudgeFailed => s with { JudgeFailed = s.JudgeFailed + 1, Items = s.Items + o.Items },
        _ => s with { Evolved = s.Evolved + 1, Items = s.Items + o.Items, Kept = s.Kept + o.Kept },
    };
}
