using System.Text.Json;
using MMEvol.Core.Llm;

namespace MMEvol.Core.Elimination;

/// <summary>A judge job's configuration: which judge, which round (every evolved round when null; 0 scores the seed), only JudgeFailed rounds or all.</summary>
public sealed record JudgeSettings(string Judge = "heuristic", int? Round = null, LlmOptions? Llm = null, bool FailedOnly = false)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static JudgeSettings FromJson(string json) =>
        JsonSerializer.Deserialize<JudgeSettings>(json, Json) ?? throw new WorkbenchException("The job's settings are empty.");
}
