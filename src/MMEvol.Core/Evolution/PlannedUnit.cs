using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>
/// One unit of work: one record in one round, with its drawn direction and the round whose kept
/// list it rewrites. <paramref name="Replaces"/> is a Failed round being retried;
/// <paramref name="WithoutDetections"/> records get format rewrites only.
/// </summary>
public sealed record PlannedUnit(int RecordId, int Round, Direction Direction, int ParentRoundId, int? Replaces, bool WithoutDetections = false);
