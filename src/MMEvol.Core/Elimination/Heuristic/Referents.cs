namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// The detections a noun phrase names. Uncertain when some detection might match but its label
/// cannot say (a colored phrase against an uncolored label such as "traffic light").
/// </summary>
internal sealed record Referents(IReadOnlyList<DetectedObject> Matches, bool Uncertain)
{
    public int Count => Matches.Count;

    /// <summary>The one detection named, or null when it is none, several or uncertain.</summary>
    public DetectedObject? Single => !Uncertain && Matches.Count == 1 ? Matches[0] : null;
}
