using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution.Prompts;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Evolution;

/// <summary>
/// What an evolve job would cost before anything is sent: the units left (every record with a kept
/// list, up to the target round), two calls per unit where a model evolves and judges, and tokens
/// measured on real prompts built for a sample of the records (about four characters per token,
/// a fixed count per low-detail image, answers about one and a half times the parent list).
/// </summary>
public sealed record EvolutionEstimate(int Units, int EvolveCalls, int JudgeCalls, long PromptTokens, long CompletionTokens, double Cost, int Sample)
{
    private const int SampleSize = 50;
    private const int ImageTokens = 85;
    private const double CharactersPerToken = 4;
    private const int VerdictTokens = 40;

    public static async Task<EvolutionEstimate> ComputeAsync(WorkbenchDb db, DataDirectory data, int datasetId, EvolveSettings settings,
        CancellationToken cancellationToken)
    {
        var context = await EvolutionContext.LoadAsync(db, data, datasetId, cancellationToken);
        var records = db.Records.AsNoTracking().Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id);
        var chosen = await (settings.Limit is { } limit ? records.Take(limit) : records).ToListAsync(cancellationToken);
        var ids = chosen.Select(r => r.Id).ToHashSet();
        var newest = (await db.Rounds.AsNoTracking().Where(r => r.Record!.DatasetId == datasetId)
                .Select(r => new { r.RecordId, r.Id, r.Number, Kept = r.Items.Count(i => i.FinalDecision == Decision.Kept) })
                .ToListAsync(cancellationToken))
            .Where(r => ids.Contains(r.RecordId))
            .GroupBy(r => r.RecordId)
            .ToDictionary(g => g.Key, g => (Number: g.Max(r => r.Number), Parent: g.Where(r => r.Kept > 0).MaxBy(r => r.Number)?.Id));

        var units = chosen.Where(r => newest.TryGetValue(r.Id, out var n) && n.Parent is not null)
            .Sum(r => Math.Max(0, settings.Rounds - newest[r.Id].Number));
        var (evolveIn, evolveOut, judgeIn, judgeOut, sampled) = await SampleAsync(db, context, chosen, newest.ToDictionary(n => n.Key, n => n.Value.Parent), settings, cancellationToken);
        var evolveCalls = settings.Evolver == "llm" ? units : 0;
        var judgeCalls = settings.Judge == "llm" ? units : 0;
        var promptTokens = (long)(evolveCalls * evolveIn + judgeCalls * judgeIn);
        var completionTokens = (long)(evolveCalls * evolveOut + judgeCalls * judgeOut);
        var prices = settings.Llm;
        var cost = prices is null ? 0 : (promptTokens * prices.PricePerMillionInputTokens + completionTokens * prices.PricePerMillionOutputTokens) / 1e6;
        return new EvolutionEstimate(units, evolveCalls, judgeCalls, promptTokens, completionTokens, cost, sampled);
    }

    /// <summary>Mean tokens per call, measured on the prompts of up to <see cref="SampleSize"/> records.</summary>
    private static async Task<(double EvolveIn, double EvolveOut, double JudgeIn, double JudgeOut, int Sampled)> SampleAsync(WorkbenchDb db,
        EvolutionContext context, List<ImageRecord> records, Dictionary<int, int?> parents, EvolveSettings settings, CancellationToken cancellationToken)
    {
        var weights = DirectionWeights.Parse(settings.Weights);
        double evolveIn = 0, evolveOut = 0, judgeIn = 0, judgeOut = 0;
        var sampled = 0;
        foreach (var record in records.Where(r => parents.GetValueOrDefault(r.Id) is not null).Take(SampleSize))
        {
            var list = await db.Instructions.AsNoTracking().Where(i => i.RoundId == parents[record.Id] && i.FinalDecision == Decision.Kept)
                .OrderBy(i => i.Index).Select(i => i).ToListAsync(cancellationToken);
            var items = list.Select(Judgement.ToSource).ToList();
            var direction = record.Detections.Count == 0 ? Direction.Interaction : weights.Draw(settings.Seed, record.Fingerprint, 1);
            var prompt = EvolutionPrompts.Build(new EvolutionRequest(record.Fingerprint, 1, direction, record.Caption, record.Detections,
                context.ImagePath(record), items, settings.Seed));
            var parentChars = JsonSerializer.Serialize(items).Length;
            evolveIn += (prompt.System.Length + prompt.User.Length) / CharactersPerToken + (record.ImagePath is null ? 0 : ImageTokens);
            evolveOut += parentChars * 1.5 / CharactersPerToken;
            var judge = JudgePrompts.Build(new JudgeRequest(1, items, items, record.Caption, record.Detections, context.KnownLabels));
            judgeIn += (judge.System.Length + judge.User.Length + parentChars * 0.5) / CharactersPerToken;
            judgeOut += items.Count * VerdictTokens;
            sampled++;
        }
        return sampled == 0 ? (0, 0, 0, 0, 0) : (evolveIn / sampled, evolveOut / sampled, judgeIn / sampled, judgeOut / sampled, sampled);
    }
}
