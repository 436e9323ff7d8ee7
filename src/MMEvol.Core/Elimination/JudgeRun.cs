using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Elimination;

/// <summary>
/// Judges existing rounds again: after a judge changed, after a JudgeFailed round, or round 0
/// to score the seed on its own as the paper did. Each round is compared with the parent items
/// it was given (the snapshot on the round, not today's decisions), then re-decided by the
/// current policy; one short transaction per round. Rounds go in a fixed order, so a resumed
/// job skips the ones it already did. The run leaves one audit entry naming its judge.
/// </summary>
public sealed class JudgeRun(IDbContextFactory<WorkbenchDb> factory, DataDirectory data, EvolverCatalog catalog, TimeProvider time)
{
    /// <summary>A reviewer saving the same items meanwhile wins; the round is then judged again on what they saved.</summary>
    private const int Attempts = 3;

    public async Task<int> RunAsync(int datasetId, JudgeSettings settings, int alreadyDone, IProgress<(int Done, int Total)>? progress,
        Func<string, Task> log, CancellationToken cancellationToken, double? costLimit = null)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var context = await EvolutionContext.LoadAsync(db, data, datasetId, cancellationToken);
        using var client = catalog.Client(settings.Llm);
        var judge = catalog.Judge(settings.Judge, settings.Llm, client);
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.Record!.DatasetId == datasetId && r.Status != RoundStatus.Failed
                && (settings.Round == null ? r.Number > 0 : r.Number == settings.Round)
                && (!settings.FailedOnly || r.Status == RoundStatus.JudgeFailed))
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        await log($"Judging {rounds.Count} round(s) with {judge.Name}" + (alreadyDone > 0 ? $", resuming after {alreadyDone}" : ""));
        if (alreadyDone == 0)
            await AuditAsync(db, datasetId, judge.Name, settings, rounds.Count, cancellationToken);

        var (failed, spent) = (0, 0.0);
        for (var done = alreadyDone; done < rounds.Count; done++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (CostLimitReachedException.Reached(costLimit, spent))
                throw new CostLimitReachedException(costLimit!.Value, spent);
            var outcome = await JudgeRoundAsync(db, rounds[done], judge, context, cancellationToken);
            spent += outcome.Cost;
            failed += outcome.Status == RoundStatus.JudgeFailed ? 1 : 0;
            progress?.Report((done + 1, rounds.Count));
        }
        await log($"Judged {rounds.Count - alreadyDone} round(s); {failed} judge answer(s) unusable" + (spent > 0 ? $"; the calls cost ${spent:0.0000}" : ""));
        return rounds.Count;
    }

    private static async Task<Judgement.Outcome> JudgeRoundAsync(WorkbenchDb db, int roundId, IJudge judge, EvolutionContext context, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var round = await db.Rounds.Include(r => r.Items).Include(r => r.Record).SingleAsync(r => r.Id == roundId, cancellationToken);
            var parents = await db.Instructions.AsNoTracking().Where(i => round.ParentItemIds.Contains(i.Id)).ToListAsync(cancellationToken);
            var ordered = round.ParentItemIds.Select(id => parents.Single(p => p.Id == id)).ToList();
            var outcome = await Judgement.ApplyAsync(judge, round.Number, ordered, round.Items.OrderBy(i => i.Index).ToList(), round.Record!,
                context.KnownLabels, round.Number == 0 ? null : context.Policy, cancellationToken);
            // The round's cost belongs to the job that evolved it; a re-judging job counts its own.
            (round.Status, round.JudgeRaw, round.JudgeLatencyMs) = (outcome.Status, outcome.Raw, outcome.LatencyMs);
            (round.JudgePromptTokens, round.JudgeCompletionTokens) = (outcome.PromptTokens, outcome.CompletionTokens);
            round.FailureReason = outcome.Status == RoundStatus.JudgeFailed ? outcome.FailureReason : null;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return outcome;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
            }
        }
    }

    private Task AuditAsync(WorkbenchDb db, int datasetId, string judge, JudgeSettings settings, int rounds, CancellationToken cancellationToken)
    {
        db.Reviews.Add(new Model.Review
        {
            DatasetId = datasetId,
            Action = ReviewAction.Rejudge,
            User = Environment.UserName,
            At = time.GetUtcNow(),
            After = JsonSerializer.Serialize(new { judge, round = settings.Round, failed_only = settings.FailedOnly, rounds }),
            Note = $"{rounds} round(s) judged again by {judge}",
        });
        return db.SaveChangesAsync(cancellationToken);
    }
}
