namespace MMEvol.Core.Llm;

/// <summary>
/// One answered model call. Tokens are null when the server reports no usage (some local servers);
/// latency covers the whole call, retries and waits included; cost is the estimate from the configured prices.
/// </summary>
public sealed record LlmCall(string Text, int? PromptTokens, int? CompletionTokens, int LatencyMs, double Cost);
