using MMEvol.Training.External;

namespace MMEvol.Training.Tests.External;

public sealed class PointMergerTests
{
    private static ParsedPoint Exact(long step, double loss) => new(new TrainingPoint(step, loss, null), ExactStep: true);

    private static ParsedPoint Counted(long step, double loss) => new(new TrainingPoint(step, loss, null), ExactStep: false);

    private static (PointMerger Merger, List<TrainingPoint> Reported) Create()
    {
        var reported = new List<TrainingPoint>();
        return (new PointMerger(reported.Add), reported);
    }

    [Fact]
    public void Add_SameExactStepTwice_ReportsItOnce()
    {
        var (merger, reported) = Create();

        merger.Add(Exact(10, 1.0));
        merger.Add(Exact(10, 1.0));
        merger.Add(Exact(20, 0.9));

        Assert.Equal([10L, 20L], reported.Select(p => p.Step));
    }

    [Fact]
    public void PollDone_CountedPoint_IsReportedAfterTwoPolls()
    {
        var (merger, reported) = Create();

        merger.Add(Counted(1, 2.0));
        merger.PollDone();
        Assert.Empty(reported);
        merger.PollDone();

        Assert.Equal([1L], reported.Select(p => p.Step));
    }

    [Fact]
    public void Add_ExactPointWhileCountedAreHeld_DropsTheCountedForGood()
    {
        var (merger, reported) = Create();

        merger.Add(Counted(1, 2.0));
        merger.PollDone();
        merger.Add(Exact(10, 2.0));
        merger.Add(Counted(2, 1.5));
        merger.PollDone();
        merger.PollDone();
        merger.Finish();

        Assert.Equal([10L], reported.Select(p => p.Step));
        Assert.Equal([10L], merger.Points.Select(p => p.Step));
    }

    [Fact]
    public void Finish_CountedPointsStillHeld_ReportsThem()
    {
        var (merger, reported) = Create();

        merger.Add(Counted(1, 2.0));
        merger.Add(Counted(2, 1.0));
        merger.Finish();

        Assert.Equal([1L, 2L], reported.Select(p => p.Step));
    }
}
