using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>
/// What an evolver answered: the raw text (stored as is, parsed by <see cref="ResponseParser"/>)
/// and what the call cost. <paramref name="Faults"/> lists, per item of the raw JSON list in
/// order, the fault the offline evolver injected into it (null for a clean item); a real model
/// gives none. <paramref name="ResponseFault"/> is a whole-response fault (broken JSON).
/// </summary>
public sealed record EvolutionResponse(
    string Raw,
    string Model,
    string PromptVersion,
    int LatencyMs,
    int? PromptTokens = null,
    int? CompletionTokens = null,
    IReadOnlyList<FaultKind?>? Faults = null,
    FaultKind? ResponseFault = null,
    double Cost = 0);
