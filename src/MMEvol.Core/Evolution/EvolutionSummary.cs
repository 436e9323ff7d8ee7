namespace MMEvol.Core.Evolution;

/// <summary>What a run did, per round: units evolved, failed, judge-failed, skipped; items made and kept.</summary>
public sealed record EvolutionSummary(IReadOnlyList<RoundSummary> Rounds)
{
    public int Units => Rounds.Sum(r => r.Evolved + r.Failed + r.JudgeFailed);
}

public sealed record RoundSummary(int Round, int Planned, int Evolved, int Failed, int JudgeFailed, int Skipped, int Items, int Kept);
