using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination;

/// <summary>
/// The judge's answer: one verdict per item in order, or null verdicts with the reason the answer
/// was unusable (the round then becomes JudgeFailed, never silently dropped).
/// </summary>
public sealed record JudgeResponse(string Raw, string Judge, int LatencyMs, IReadOnlyList<Verdict>? Verdicts, string? FailureReason = null)
{
    public int? PromptTokens { get; init; }
    public int? CompletionTokens { get; init; }
    public double Cost { get; init; }

    public static JudgeResponse Unusable(string raw, string judge, int latencyMs, string reason) => new(raw, judge, latencyMs, null, reason);
}
