using System.Diagnostics;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination;

/// <summary>
/// Judges one round's items against the immediate parent list and writes the outcome onto the
/// items: verdicts, cheap-check failures and, for evolved rounds, the policy's decisions. An
/// unusable judge answer makes the round JudgeFailed and its items Eliminated until re-judged.
/// </summary>
internal static class Judgement
{
    public sealed record Outcome(RoundStatus Status, string? FailureReason, string Raw, int LatencyMs, int? PromptTokens = null, int? CompletionTokens = null, double Cost = 0);

    public static async Task<Outcome> ApplyAsync(IJudge judge, int round, IReadOnlyList<Instruction> parents, IReadOnlyList<Instruction> items,
        ImageRecord record, IReadOnlySet<string> knownLabels, PolicyRule? policy, CancellationToken cancellationToken)
    {
        var parentItems = Aligned(parents, items).Select(ToSource).ToList();
        var rewritten = items.Select(ToSource).ToList();
        for (var i = 0; i < items.Count; i++)
            items[i].CheapCheck = round == 0 ? null : CheapChecks.Failure(rewritten[i], i < parentItems.Count ? parentItems[i] : null);

        var watch = Stopwatch.StartNew();
        JudgeResponse response;
        try
        {
            response = await judge.JudgeAsync(new JudgeRequest(round, parentItems, rewritten, record.Caption, record.Detections, knownLabels), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            response = JudgeResponse.Unusable("", judge.Name, (int)watch.ElapsedMilliseconds, $"the judge call failed: {e.Message}");
        }

        if (response.Verdicts is not { } verdicts || verdicts.Count != items.Count)
        {
            var reason = response.FailureReason ?? $"the judge gave {response.Verdicts?.Count ?? 0} verdicts for {items.Count} items";
            foreach (var item in items)
            {
                item.SetVerdict(null);
                if (round > 0)
                    item.Decide(Decision.Eliminated, policy?.Policy.Version);
            }
            return new Outcome(RoundStatus.JudgeFailed, reason, response.Raw, response.LatencyMs, response.PromptTokens, response.CompletionTokens, response.Cost);
        }

        for (var i = 0; i < items.Count; i++)
        {
            // The seed is scored on its own: "improved" means nothing without a parent.
            items[i].SetVerdict(round == 0 ? verdicts[i] with { Improved = null } : verdicts[i]);
            if (round > 0 && policy is not null)
                items[i].Decide(policy.Decide(items[i]), policy.Policy.Version);
        }
        return new Outcome(RoundStatus.Evolved, null, response.Raw, response.LatencyMs, response.PromptTokens, response.CompletionTokens, response.Cost);
    }

    /// <summary>
    /// The parent of each item, in item order, as far as items have one: an answer whose invalid
    /// items were dropped no longer lines up with the list it was given, but every kept item still
    /// knows its parent, and the items past the parents' end are compared with the list as a whole.
    /// </summary>
    private static List<Instruction> Aligned(IReadOnlyList<Instruction> parents, IReadOnlyList<Instruction> items)
    {
        var byId = parents.ToDictionary(p => p.Id);
        var aligned = items.TakeWhile(i => i.ParentItemId is { } id && byId.ContainsKey(id)).Select(i => byId[i.ParentItemId!.Value]).ToList();
        return aligned.Count > 0 || items.Any(i => i.ParentItemId is not null) ? aligned : parents.ToList();
    }

    public static SourceItem ToSource(Instruction item) =>
        new(item.Question, item.Answer, item.Steps, item.Objects, item.Skills, item.Format, item.ImagePosition);
}
