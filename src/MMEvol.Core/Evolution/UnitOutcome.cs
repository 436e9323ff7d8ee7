using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>What one unit did, for the job's progress, log and summary.</summary>
public sealed record UnitOutcome(int RecordId, int Round, Direction Direction, RoundStatus? Status, int Items, int Kept, string? Reason, double Cost = 0)
{
    /// <summary>Null status: another worker had already committed this unit.</summary>
    public bool Skipped => Status is null;
}
