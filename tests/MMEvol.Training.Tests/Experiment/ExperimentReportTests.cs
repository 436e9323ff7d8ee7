using MMEvol.Training.Evaluation;
using MMEvol.Training.Experiment;

namespace MMEvol.Training.Tests.Experiment;

public sealed class ExperimentReportTests
{
    private static BenchmarkSummary Summary(int correctExistence) => BenchmarkSummary.From("b", BenchmarkResult.From(
        Enumerable.Range(0, 10).Select(i => new ItemAnswer($"q{i}", "existence", "random", "yes", i < correctExistence ? "yes" : "no", Closed: true)).ToList()));

    private static ArmResult Arm(string arm, int seed, int correct) =>
        new(arm, $"({arm}) arm", seed, 100, "hash", Summary(correct), Summary(correct), 300, 60);

    [Fact]
    public void Markdown_SeveralSeeds_MeanAndSampleDeviationPerArm()
    {
        var report = new ExperimentReport(new ExperimentOptions { Seeds = 2 }, [Arm("a", 1, 4), Arm("a", 2, 6), Arm("b", 1, 9), Arm("b", 2, 9)], 600, 10, 10);

        var markdown = report.ToMarkdown();

        // Seeds 40% and 60%: mean 50, sample standard deviation 14.1; the other arm never varies.
        Assert.Contains("| (a) arm | 100 | 50.0 ± 14.1 | 50.0 ± 14.1 |", markdown);
        Assert.Contains("| (b) arm | 100 | 90.0 ± 0.0 | 90.0 ± 0.0 |", markdown);
        Assert.Contains("mean ± standard deviation over seeds", markdown);
        Assert.DoesNotContain("One seed:", markdown);
    }

    [Fact]
    public void Markdown_OneSeed_PlainFiguresAndTheNoiseWarning()
    {
        var markdown = new ExperimentReport(new ExperimentOptions(), [Arm("a", 1, 4)], 60, 10, 10).ToMarkdown();

        Assert.Contains("| (a) arm | 100 | 40.0 | 40.0 |", markdown);
        Assert.Contains("One seed: differences under about 10 points", markdown);
    }

    [Fact]
    public void Options_OutOfRange_WorkbenchErrorNamingTheSetting()
    {
        var seeds = Assert.Throws<Core.WorkbenchException>(() => new ExperimentOptions { Seeds = 0 }.Validate());
        var probe = Assert.Throws<Core.WorkbenchException>(() => new ExperimentOptions { Probe = new() { Steps = 0 } }.Validate());

        Assert.Contains("seeds 0", seeds.Message);
        Assert.Contains("steps", probe.Message);
    }
}
