namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>What the detections say about one claim. Unknown covers both "not understood" and "too close to call".</summary>
internal enum Truth
{
    Unknown,
    Holds,
    Fails,
}
