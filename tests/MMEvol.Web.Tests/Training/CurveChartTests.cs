using System.Globalization;
using Bunit;
using MMEvol.Web.Components.Charts;
using MMEvol.Web.Tests.Review;

namespace MMEvol.Web.Tests.Training;

/// <summary>Where the curve chart puts its points and ticks.</summary>
public sealed class CurveChartTests
{
    private static readonly CurveSeries Loss = new("loss", [(10, 4.7), (20, 2.1), (40, 0.8)]);
    private static readonly CurveSeries Rate = new("learning rate", [(10, 0.0005), (40, 0.001)], RightAxis: true);

    [Fact]
    public void Nice_LossFrom0Point8To4Point7_TicksOneApartFrom0To5()
    {
        var axis = ChartAxis.Nice(0.8, 4.7);

        Assert.Equal([0.0, 1, 2, 3, 4, 5], axis.Ticks());
    }

    [Fact]
    public void Nice_SingleValue_StillASpan()
    {
        var axis = ChartAxis.Nice(3, 3);

        Assert.True(axis.Max > axis.Min);
        Assert.InRange(3, axis.Min, axis.Max);
    }

    [Fact]
    public void Scale_StepsFromZero_AndTheLearningRateOnItsOwnAxisFromZero()
    {
        var scale = new CurveScale([Loss, Rate]);

        Assert.Equal((0, 40), (scale.X.Min, scale.X.Max));
        Assert.Equal(scale.PlotRight, scale.Px(40));
        Assert.Equal(scale.PlotTop, scale.Py(5));
        Assert.Equal(scale.PlotBottom, scale.Py(0));
        Assert.Equal((0, 0.001), (scale.RightAxis!.Min, scale.RightAxis.Max));
        Assert.Equal(scale.PlotTop, scale.Py(0.001, right: true));
    }

    [Fact]
    public void Points_LongCurve_ThinnedKeepingTheLastPoint()
    {
        var curve = new CurveSeries("loss", [.. Enumerable.Range(1, 1_000).Select(i => ((double)i, 1.0 / i))]);
        var scale = new CurveScale([curve]);

        var points = scale.Points(curve).Split(' ');

        Assert.InRange(points.Length, 2, CurveScale.MaxPoints + 1);
        Assert.Equal(CurveScale.F(scale.Px(1_000)), points[^1].Split(',')[0]);
    }

    [Fact]
    public async Task Chart_TwoSeries_DrawsEachAsALineNamedInTheLegend_TheRightOneDashed()
    {
        await using var context = ComponentContext.Create();

        var chart = context.Render<CurveChart>(p => p.Add(c => c.Series, [Loss, Rate]));

        var lines = chart.FindAll("polyline");
        Assert.Equal(["series series-0", "series series-right"], lines.Select(l => l.ClassName));
        var first = lines[0].GetAttribute("points")!.Split(' ')[0].Split(',');
        var scale = new CurveScale([Loss, Rate]);
        Assert.Equal((scale.Px(10), scale.Py(4.7)), (double.Parse(first[0], CultureInfo.InvariantCulture), double.Parse(first[1], CultureInfo.InvariantCulture)), new RoundedTo());
        Assert.Equal(["loss", "learning rate (right axis)"], chart.FindAll(".legend-item").Select(i => i.TextContent.Trim()));
    }

    [Fact]
    public async Task Chart_NoPoints_SaysSoInsteadOfAnEmptyPlot()
    {
        await using var context = ComponentContext.Create();

        var chart = context.Render<CurveChart>(p => p.Add(c => c.Series, [new CurveSeries("loss", [])]).Add(c => c.Empty, "Nothing yet."));

        Assert.Empty(chart.FindAll("svg"));
        Assert.Equal("Nothing yet.", chart.Find(".curve-empty").TextContent);
    }

    /// <summary>Pixel positions are written with one decimal.</summary>
    private sealed class RoundedTo : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) a, (double, double) b) => Math.Abs(a.Item1 - b.Item1) <= 0.05 && Math.Abs(a.Item2 - b.Item2) <= 0.05;

        public int GetHashCode((double, double) obj) => 0;
    }
}
