using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Elimination;
using MMEvol.Core.Llm;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>
/// Runs one unit: the evolver rewrites the parent list, the parser reads the answer, the judge
/// compares it with that same parent list, the policy decides, and everything commits together.
/// A failing call or an unreadable answer becomes a Failed round with its reason and raw answer;
/// a server that refuses the key or does not know the model stops the job instead of failing
/// every round the same way.
/// </summary>
internal sealed class UnitRunner(UnitWriter writer, IEvolver evolver, IJudge judge, EvolveSettings settings, int? jobId, TimeProvider time)
{
    /// <summary>Loads what a batch of units reads in two queries instead of two per unit.</summary>
    public async Task<(Dictionary<int, ImageRecord> Records, ILookup<int, Instruction> Parents)> PrefetchAsync(
        WorkbenchDb db, IReadOnlyList<PlannedUnit> units, CancellationToken cancellationToken)
    {
        var recordIds = units.Select(u => u.RecordId).ToList();
        var roundIds = units.Select(u => u.ParentRoundId).ToList();
        var records = await db.Records.AsNoTracking().Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var parents = (await db.Instructions.AsNoTracking()
                .Where(i => roundIds.Contains(i.RoundId) && i.FinalDecision == Decision.Kept)
                .ToListAsync(cancellationToken))
            .OrderBy(i => i.Index)
            .ToLookup(i => i.RoundId);
        return (records, parents);
    }

    public async Task<UnitOutcome> RunAsync(PlannedUnit unit, EvolutionContext context, ImageRecord record, List<Instruction> parents,
        CancellationToken cancellationToken)
    {
        // A reviewer eliminated the whole parent list after planning: nothing is left to rewrite.
        if (parents.Count == 0)
            return new UnitOutcome(record.Id, unit.Round, unit.Direction, null, 0, 0, "its parent list was eliminated after planning");
        var round = new EvolutionRound
        {
            RecordId = record.Id,
            Number = unit.Round,
            Direction = unit.Direction,
            ParentRoundId = unit.ParentRoundId,
            ParentItemIds = parents.Select(p => p.Id).ToList(),
            Seed = settings.Seed,
            Attempt = unit.Attempt,
            JobId = jobId,
            CreatedAt = time.GetUtcNow(),
        };

        var items = await EvolveAsync(round, context, record, parents, unit.Attempt, cancellationToken);
        if (items is not null)
        {
            var judged = await Judgement.ApplyAsync(judge, unit.Round, parents, items, record, context.KnownLabels, context.Policy, cancellationToken);
            (round.Status, round.FailureReason, round.JudgeRaw, round.JudgeLatencyMs) = (judged.Status, judged.FailureReason ?? round.FailureReason, judged.Raw, judged.LatencyMs);
            (round.JudgePromptTokens, round.JudgeCompletionTokens, round.Cost) = (judged.PromptTokens, judged.CompletionTokens, (round.Cost ?? 0) + judged.Cost);
        }
        // What failed attempts of this round cost stays on the record of the round that replaces them.
        if (unit.PriorCost > 0)
            round.Cost = (round.Cost ?? 0) + unit.PriorCost;

        var written = items ?? [];
        if (!await writer.CommitAsync(round, written, unit.Replaces))
            return new UnitOutcome(record.Id, unit.Round, unit.Direction, null, 0, 0, "already done by another worker");
        return new UnitOutcome(record.Id, unit.Round, unit.Direction, round.Status, written.Count,
            written.Count(i => i.FinalDecision == Decision.Kept), round.FailureReason, (round.Cost ?? 0) - unit.PriorCost);
    }

    /// <returns>The new items, or null when the round failed (its status and reason are set).</returns>
    private async Task<List<Instruction>?> EvolveAsync(EvolutionRound round, EvolutionContext context, ImageRecord record, List<Instruction> parents,
        int attempt, CancellationToken cancellationToken)
    {
        var request = new EvolutionRequest(record.Fingerprint, round.Number, round.Direction, record.Caption, record.Detections,
            context.ImagePath(record), parents.Select(Judgement.ToSource).ToList(), settings.Seed, record.Sha256, attempt);
        var watch = Stopwatch.StartNew();
        EvolutionResponse response;
        try
        {
            response = await evolver.EvolveAsync(request, cancellationToken);
        }
        catch (LlmCallException e) when (e.StatusCode is 401 or 403 or 404)
        {
            throw new WorkbenchException($"The model server refused the call ({e.Message}): check --endpoint, --model and the key; no round was failed for it.", e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not WorkbenchException)
        {
            (round.Status, round.FailureReason, round.Model, round.LatencyMs) = (RoundStatus.Failed, $"the evolver call failed: {e.Message}", evolver.Name, (int)watch.ElapsedMilliseconds);
            return null;
        }

        (round.Model, round.PromptVersion, round.RawResponse) = (response.Model, response.PromptVersion, response.Raw);
        (round.PromptTokens, round.CompletionTokens, round.LatencyMs, round.InjectedFault, round.Cost) =
            (response.PromptTokens, response.CompletionTokens, response.LatencyMs, response.ResponseFault, response.Cost);
        var parsed = ResponseParser.Parse(response.Raw);
        if (!parsed.Usable)
        {
            (round.Status, round.FailureReason) = (RoundStatus.Failed, parsed.Error);
            return null;
        }

        var items = new List<Instruction>(parsed.Items.Count);
        for (var i = 0; i < parsed.Items.Count; i++)
        {
            // Item i of the answer rewrites parent i: a dropped item must not shift the others' parents.
            var position = parsed.Positions[i];
            var item = parsed.Items[i].ToItem(i, round, record, position < parents.Count ? parents[position] : null, parents);
            item.InjectedFault = response.Faults is { } faults && position < faults.Count ? faults[position] : null;
            items.Add(item);
        }
        if (parsed.Dropped.Count > 0)
            round.FailureReason = $"dropped {parsed.Dropped.Count} invalid item(s): {string.Join("; ", parsed.Dropped)}";
        return items;
    }
}
