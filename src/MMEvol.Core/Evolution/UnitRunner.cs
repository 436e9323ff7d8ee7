using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Elimination;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>
/// Runs one unit: the evolver rewrites the parent list, the parser reads the answer, the judge
/// compares it with that same parent list, the policy decides, and everything commits together.
/// A failing call or an unreadable answer becomes a Failed round with its reason and raw answer.
/// </summary>
internal sealed class UnitRunner(WorkbenchDb db, UnitWriter writer, IEvolver evolver, IJudge judge, EvolutionContext context,
    EvolveSettings settings, int? jobId, TimeProvider time)
{
    /// <summary>Loads what a batch of units reads in two queries instead of two per unit.</summary>
    public async Task<(Dictionary<int, ImageRecord> Records, ILookup<int, Instruction> Parents)> PrefetchAsync(
        IReadOnlyList<PlannedUnit> units, CancellationToken cancellationToken)
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

    public async Task<UnitOutcome> RunAsync(PlannedUnit unit, ImageRecord record, List<Instruction> parents, CancellationToken cancellationToken)
    {
        var round = new EvolutionRound
        {
            RecordId = record.Id,
            Number = unit.Round,
            Direction = unit.Direction,
            ParentRoundId = unit.ParentRoundId,
            ParentItemIds = parents.Select(p => p.Id).ToList(),
            Seed = settings.Seed,
            JobId = jobId,
            CreatedAt = time.GetUtcNow(),
        };

        var items = await EvolveAsync(round, record, parents, cancellationToken);
        if (items is not null)
        {
            var judged = await Judgement.ApplyAsync(judge, unit.Round, parents, items, record, context.KnownLabels, context.Policy, cancellationToken);
            (round.Status, round.FailureReason, round.JudgeRaw, round.JudgeLatencyMs) = (judged.Status, judged.FailureReason ?? round.FailureReason, judged.Raw, judged.LatencyMs);
            (round.JudgePromptTokens, round.JudgeCompletionTokens, round.Cost) = (judged.PromptTokens, judged.CompletionTokens, (round.Cost ?? 0) + judged.Cost);
        }

        var written = items ?? [];
        if (!writer.Commit(round, written, unit.Replaces))
            return new UnitOutcome(record.Id, unit.Round, unit.Direction, null, 0, 0, "already done by another worker");
        return new UnitOutcome(record.Id, unit.Round, unit.Direction, round.Status, written.Count,
            written.Count(i => i.FinalDecision == Decision.Kept), round.FailureReason, round.Cost ?? 0);
    }

    /// <returns>The new items, or null when the round failed (its status and reason are set).</returns>
    private async Task<List<Instruction>?> EvolveAsync(EvolutionRound round, ImageRecord record, List<Instruction> parents, CancellationToken cancellationToken)
    {
        var request = new EvolutionRequest(record.Fingerprint, round.Number, round.Direction, record.Caption, record.Detections,
            context.ImagePath(record), parents.Select(Judgement.ToSource).ToList(), settings.Seed, record.Sha256);
        var watch = Stopwatch.StartNew();
        EvolutionResponse response;
        try
        {
            response = await evolver.EvolveAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
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
            var source = parsed.Items[i];
            var parent = i < parents.Count ? parents[i] : null;
            var item = new Instruction
            {
                DatasetId = record.DatasetId,
                RecordId = record.Id,
                RoundNumber = round.Number,
                Direction = round.Direction,
                Index = i,
                Question = source.Question,
                Answer = source.Answer,
                Steps = source.Steps.ToList(),
                Objects = source.Objects.ToList(),
                Skills = source.Skills.ToList(),
                Format = source.Format,
                ImagePosition = source.ImagePosition,
                ParentItemId = parent?.Id,
                InjectedFault = response.Faults is { } faults && parsed.Positions[i] < faults.Count ? faults[parsed.Positions[i]] : null,
            };
            item.Metrics = ItemMetrics.Of(item, parent, parents, record.Detections);
            items.Add(item);
        }
        if (parsed.Dropped.Count > 0)
            round.FailureReason = $"dropped {parsed.Dropped.Count} invalid item(s): {string.Join("; ", parsed.Dropped)}";
        return items;
    }
}
