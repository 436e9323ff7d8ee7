namespace MMEvol.Web.Components.Charts;

/// <summary>One line of a <see cref="CurveChart"/>: (step, value) points in step order; on the right axis when it measures something else.</summary>
public sealed record CurveSeries(string Name, IReadOnlyList<(double X, double Y)> Points, bool RightAxis = false);
