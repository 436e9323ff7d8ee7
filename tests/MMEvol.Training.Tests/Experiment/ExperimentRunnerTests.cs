using Microsoft.Extensions.Logging.Abstractions;
using MMEvol.Training.Experiment;
using MMEvol.Training.Tests.Probe;

namespace MMEvol.Training.Tests.Experiment;

public sealed class ExperimentRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mmevol-experiment-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [Fact]
    public async Task Run_TinyWorld_FiveArmsOnBothSplitsWithTheirData()
    {
        var options = new ExperimentOptions
        {
            TrainingImages = 24,
            BenchmarkImages = 10,
            Rounds = 2,
            Probe = ShapesSamples.TinyOptions(steps: 6),
        };
        var lines = new List<string>();

        var report = await new ExperimentRunner(NullLoggerFactory.Instance).RunAsync(_folder, options, lines.Add, CancellationToken.None);

        Assert.Equal(["a", "b15", "c15", "b40", "c40"], report.Results.Select(r => r.Arm));
        var byArm = report.Results.ToDictionary(r => r.Arm);
        // Elimination drops items: kept is a strict subset of all, and the seed is in both.
        Assert.True(byArm["a"].Items < byArm["b15"].Items && byArm["b15"].Items < byArm["c15"].Items);
        Assert.True(byArm["b40"].Items < byArm["c40"].Items);
        Assert.Equal(report.PhrasingItems, report.Results[0].Phrasing.Items);
        Assert.Equal(report.ParaphrasedItems, report.Results[0].Paraphrased.Items);
        Assert.True(report.ParaphrasedItems > 0);
        Assert.All(report.Results, r => Assert.DoesNotContain(r.Phrasing.Categories, c => c.Category == "multiple_choice"));
        var markdown = report.ToMarkdown();
        Assert.Contains("(c) seed + all evolved (no elimination), 40% faults", markdown);
        Assert.Contains("One seed: differences under about 10 points", markdown);
        Assert.Contains(lines, l => l.Contains("evolving 2 rounds offline with 40% injected faults", StringComparison.Ordinal));
    }
}
