using System.Text.Json;
using MMEvol.Core.Elimination;

namespace MMEvol.Core.Evolution.Prompts;

/// <summary>
/// Reads a model judge's answer with the evolver's repairs (METHOD.md, "Parsing model output"): fences
/// and prose stripped, comments and trailing commas tolerated, a single verdict or an object wrapping
/// the list accepted. The answer is all or nothing: it must hold exactly one valid verdict per item,
/// otherwise the round is JudgeFailed with the reason, never partly judged.
/// </summary>
public static class JudgeAnswerParser
{
    /// <param name="items">How many items were judged: the answer must hold as many verdicts.</param>
    /// <param name="scoreOnly">The items were scored on their own (no parents): "improved" is neither needed nor kept.</param>
    public static JudgeResponse Parse(string raw, int items, bool scoreOnly, string judge, int latencyMs)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        var (document, error) = ResponseParser.Document(raw);
        if (document is null)
            return JudgeResponse.Unusable(raw, judge, latencyMs, error!.Replace("the answer", "the judge's answer", StringComparison.Ordinal));

        using (document)
        {
            if (VerdictList(document.RootElement) is not { } list)
                return JudgeResponse.Unusable(raw, judge, latencyMs, "the judge's answer is neither a list of verdicts nor a verdict");
            if (list.Count != items)
                return JudgeResponse.Unusable(raw, judge, latencyMs, $"the judge gave {Count(list.Count, "verdict")} for {Count(items, "item")}");

            var verdicts = new List<Model.Verdict>(items);
            var problems = new List<string>();
            for (var i = 0; i < list.Count; i++)
            {
                var (verdict, problem) = VerdictReader.Read(list[i], i + 1, scoreOnly, judge);
                if (verdict is not null)
                    verdicts.Add(verdict);
                else
                    problems.Add(problem!);
            }
            return problems.Count == 0
                ? new JudgeResponse(raw, judge, latencyMs, verdicts)
                : JudgeResponse.Unusable(raw, judge, latencyMs, string.Join("; ", problems));
        }
    }

    private static List<JsonElement>? VerdictList(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
            return root.EnumerateArray().ToList();
        if (root.ValueKind != JsonValueKind.Object)
            return null;
        if (root.TryGetProperty("score", out _) || root.TryGetProperty("improved", out _))
            return [root];
        // {"verdicts": [...]}, {"results": [...]}: one property holding the list.
        var lists = root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).ToList();
        return lists.Count == 1 ? lists[0].Value.EnumerateArray().ToList() : null;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
