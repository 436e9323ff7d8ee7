using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>One detection as the claim checker reads it: its label's parts, its box center and its box area.</summary>
internal sealed record DetectedObject(LabelParts Parts, double X, double Y, double Area)
{
    public string Label => Parts.Label;

    public static DetectedObject Of(Detection detection) => new(
        LabelParts.Of(detection.Label),
        (detection.X1 + detection.X2) / 2,
        (detection.Y1 + detection.Y2) / 2,
        detection.Area);

    public double DistanceTo(DetectedObject other) => Math.Sqrt(Math.Pow(X - other.X, 2) + Math.Pow(Y - other.Y, 2));

    /// <summary>"the red circle".</summary>
    public string Name => "the " + Label;
}
