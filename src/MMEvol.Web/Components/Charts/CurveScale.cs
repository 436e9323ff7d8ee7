using System.Globalization;

namespace MMEvol.Web.Components.Charts;

/// <summary>
/// Where a <see cref="CurveChart"/> draws: steps across, the left series' values up the left axis and
/// the right series' (the learning rate, from zero) up the right one. Long curves are thinned to
/// <see cref="MaxPoints"/> per line, keeping the first and the last point.
/// </summary>
public sealed class CurveScale
{
    public const int MaxPoints = 400;
    public const double Left = 36, Right = 36, Top = 8, Bottom = 20;

    /// <param name="width">The SVG's own units across: near the pixels it is shown at, so that its 9-unit labels stay legible.</param>
    public CurveScale(IReadOnlyList<CurveSeries> series, double width = 640, double height = 220)
    {
        (Width, Height) = (width, height);
        var xs = series.SelectMany(s => s.Points).Select(p => p.X).DefaultIfEmpty(0).ToList();
        X = ChartAxis.Nice(xs.Min(), xs.Max(), fromZero: true);
        LeftAxis = Axis(series.Where(s => !s.RightAxis), fromZero: false);
        RightAxis = series.Any(s => s.RightAxis) ? Axis(series.Where(s => s.RightAxis), fromZero: true) : null;
    }

    public double Width { get; }
    public double Height { get; }
    public ChartAxis X { get; }
    public ChartAxis LeftAxis { get; }
    public ChartAxis? RightAxis { get; }

    public double PlotLeft => Left;
    public double PlotRight => Width - Right;
    public double PlotTop => Top;
    public double PlotBottom => Height - Bottom;

    public double Px(double x) => X.Map(x, PlotLeft, PlotRight);

    public double Py(double y, bool right = false) => (right ? RightAxis ?? LeftAxis : LeftAxis).Map(y, PlotBottom, PlotTop);

    /// <summary>An SVG polyline's points attribute.</summary>
    public string Points(CurveSeries series) =>
        string.Join(' ', Thin(series.Points).Where(p => double.IsFinite(p.Y)).Select(p => F(Px(p.X)) + "," + F(Py(p.Y, series.RightAxis))));

    public static IEnumerable<(double X, double Y)> Thin(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count <= MaxPoints)
            return points;
        var stride = (int)Math.Ceiling(points.Count / (double)MaxPoints);
        return points.Where((_, i) => i % stride == 0 || i == points.Count - 1);
    }

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static ChartAxis Axis(IEnumerable<CurveSeries> series, bool fromZero)
    {
        var ys = series.SelectMany(s => s.Points).Select(p => p.Y).Where(double.IsFinite).ToList();
        return ys.Count == 0 ? ChartAxis.Nice(0, 1) : ChartAxis.Nice(ys.Min(), ys.Max(), fromZero: fromZero);
    }
}
