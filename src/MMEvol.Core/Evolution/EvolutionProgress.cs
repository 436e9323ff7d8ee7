namespace MMEvol.Core.Evolution;

/// <summary>Units done of the units planned so far (later rounds are estimated from the current one).</summary>
public sealed record EvolutionProgress(int Round, int Done, int Total, UnitOutcome? Last);
