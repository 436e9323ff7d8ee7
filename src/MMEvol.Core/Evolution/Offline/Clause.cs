namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// One part of a reasoning question: its question sentence, the fact that answers it, and the
/// steps that reach it. <see cref="Next"/> is the object "that object" names in the following
/// part; a clause about the picture as a whole ends the chain (<see cref="Resets"/>).
/// <see cref="Involves"/> lists the named objects it compares, so the next part can look elsewhere.
/// </summary>
internal sealed record Clause(
    string Question,
    Fact Fact,
    Action<StepLog> Apply,
    GroundedObject? Next,
    IReadOnlyList<GroundedObject> Involves,
    bool Resets = false);
