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

    /// <param name="costLimit">Stop cleanly once the job's model calls cost this many US dollars.</param>
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
        var runner = new UnitRunner(writer, evolver, judge, settings, jobId, time);
        var tally = new Tally(jobId is { } id ? await db.Rounds.Where(r => r.JobId == id).SumAsync(r => r.Cost ?? 0, cancellationToken) : 0);

        var summaries = new List<RoundSummary>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            var units = await RoundPlanner.PlanAsync(db, datasetId, round, settings, cancellationToken);
            var withoutDetections = units.Count(u => u.WithoutDetections);
            await log($"Round {round}: {units.Count} record(s) to evolve with {evolver.Name}, judged by {judge.Name}"
                + (withoutDetections > 0 ? $"; {withoutDetections} without detections get format rewrites only" : ""));
            tally.StartRound(round, units.Count, units.Count * (settings.Rounds - round + 1));
            foreach (var batch in units.Chunk(BatchSize))
            {
                context = await RefreshPolicyAsync(db, context, log, cancellationToken);
                var (records, parents) = await runner.PrefetchAsync(db, batch, cancellationToken);
                var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(batch, options, async (unit, token) =>
                {
                    // Past the limit no new unit starts; those in flight finish, so every paid call is recorded.
                    if (CostLimitReachedException.Reached(costLimit, tally.Spent))
                        return;
                    var outcome = await runner.RunAsync(unit, context, records[unit.RecordId], parents[unit.ParentRoundId].ToList(), token);
                    var counted = tally.Add(outcome);
                    progress?.Report(counted);
                    if (outcome.Status == RoundStatus.Failed)
                        logger.LogDebug("Record {RecordId} round {Round} failed: {Reason}", outcome.RecordId, outcome.Round, outcome.Reason);
                });
                if (CostLimitReachedException.Reached(costLimit, tally.Spent))
                    throw new CostLimitReachedException(costLimit!.Value, tally.Spent);
            }
            var summary = tally.Summary;
            summaries.Add(summary);
            await log($"Round {round}: {summary.Evolved} evolved, {summary.Failed} failed, {summary.JudgeFailed} judge-failed, {summary.Skipped} skipped; "
                + $"{summary.Kept} of {summary.Items} items kept" + (tally.Spent > 0 ? $"; model calls so far cost ${tally.Spent:0.0000}" : ""));
        }
        await RefreshPolicyAsync(db, context, log, cancellationToken);
        return new EvolutionSummary(summaries);
    }

    /// <summary>
    /// A curator may apply a policy while the job runs: the next units use it, and the ones already
    /// committed under the old one are decided again, so nothing the job wrote escapes the new policy.
    /// </summary>
    private static async Task<EvolutionContext> RefreshPolicyAsync(WorkbenchDb db, EvolutionContext context, Func<string, Task> log, CancellationToken cancellationToken)
    {
        var current = await PolicyApplier.CurrentAsync(db, context.Dataset.Id, cancellationToken);
        if (current.Version == context.Policy.Policy.Version)
            return context;
        await PolicyApplier.RedecideAsync(db, context.Dataset.Id, current, cancellationToken);
        await log($"Policy v{current.Version} was applied during the run: the items evolved so far were decided again under it");
        return context with { Policy = new PolicyRule(current) };
    }
}
