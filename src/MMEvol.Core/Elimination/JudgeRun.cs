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
/// job skips the ones it already did.
/// </summary>
public sealed class JudgeRun(IDbContextFactory<WorkbenchDb> factory, DataDirectory data, EvolverCatalog catalog)
{
    public async Task<int> RunAsync(int datasetId, JudgeSettings settings, int alreadyDone, IProgress<(int Done, int Total)>? progress,
        Func<string, Task> log, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var context = await EvolutionContext.LoadAsync(db, data, datasetId, cancellationToken);
        using var client = catalog.Client(settings.Llm);
        var judge = catalog.Judge(settings.Judge, settings.Llm, client);
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.Record!.DatasetId == datasetId && r.Status != RoundStatus.Failed
                && (settings.Round == null ? r.Number > 0 : r.Number == settings.Round))
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        await log($"Judging {rounds.Count} round(s) with {judge.Name}" + (alreadyDone > 0 ? $", resuming after {alreadyDone}" : ""));

        var failed = 0;
        for (var done = alreadyDone; done < rounds.Count; done++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            db.ChangeTracker.Clear();
            var round = await db.Rounds.Include(r => r.Items).Include(r => r.Record).SingleAsync(r => r.Id == rounds[done], cancellationToken);
            var parents = await db.Instructions.AsNoTracking().Where(i => round.ParentItemIds.Contains(i.Id)).ToListAsync(cancellationToken);
            var ordered = round.ParentItemIds.Select(id => parents.Single(p => p.Id == id)).ToList();
            var items = round.Items.OrderBy(i => i.Index).ToList();
            var outcome = await Judgement.ApplyAsync(judge, round.Number, ordered, items, round.Record!, context.KnownLabels,
                round.Number == 0 ? null : context.Policy, cancellationToken);
            (round.Status, round.JudgeRaw, round.JudgeLatencyMs) = (outcome.Status, outcome.Raw, outcome.LatencyMs);
            (round.JudgePromptTokens, round.JudgeCompletionTokens) = (outcome.PromptTokens, outcome.CompletionTokens);
            round.Cost = (round.Cost ?? 0) + outcome.Cost;
            if (outcome.Status == RoundStatus.JudgeFailed)
            {
                round.FailureReason = outcome.FailureReason;
                failed++;
            }
            await db.SaveChangesAsync(cancellationToken);
            progress?.Report((done + 1, rounds.Count));
        }
        await log($"Judged {rounds.Count - alreadyDone} round(s); {failed} judge answer(s) unusable");
        return rounds.Count;
    }
}
