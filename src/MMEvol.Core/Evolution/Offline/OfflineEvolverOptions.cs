namespace MMEvol.Core.Evolution.Offline;

/// <summary>Settings of the embedded offline evolver.</summary>
/// <param name="FaultRate">
/// Share of items given a simulated model fault (hallucinated object, wrong answer, unchanged
/// rewrite, echoed prompt template), 0 to 1. A fifth of this rate is also the share of whole
/// responses returned as broken JSON.
/// </param>
public sealed record OfflineEvolverOptions(double FaultRate = 0.15)
{
    public void Validate()
    {
        if (double.IsNaN(FaultRate) || FaultRate is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(FaultRate), FaultRate, "The fault rate must lie between 0 and 1.");
    }
}
