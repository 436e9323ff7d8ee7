using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>
/// One unit of work: one record in one round, with its drawn direction and the round whose kept
/// list it rewrites. A retried Failed round is <paramref name="Replaces"/>; the new attempt carries
/// its number and the cost the failed attempts already ran up.
/// </summary>
public sealed record PlannedUnit(int RecordId, int Round, Direction Direction, int ParentRoundId, int? Replaces, bool WithoutDetections = false)
{
    public int Attempt { get; init; } = 1;
    public double PriorCost { get; init; }
}
