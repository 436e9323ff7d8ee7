using MMEvol.Core.Model;
using MMEvol.Training.Experiment;
using MMEvol.Training.Tests.Jobs;
using MMEvol.Training.Tests.Probe;

namespace MMEvol.Training.Tests.Experiment;

public sealed class ExperimentJobTests
{
    [Fact]
    public async Task ExperimentJob_ThroughTheWorker_ReportAsResultAndEveryArmCounted()
    {
        await using var host = await TrainingHost.CreateAsync(images: 6);
        var options = new ExperimentOptions { TrainingImages = 16, BenchmarkImages = 10, Rounds = 1, FaultRates = [0.2], Probe = ShapesSamples.TinyOptions(steps: 4) };
        var job = await host.Queue.EnqueueAsync(JobKind.Experiment, null, ExperimentJobHandler.Config(options), "tester");

        await host.Worker.StartAsync(CancellationToken.None);
        var finished = await host.WaitAsync(job.Id, JobState.Succeeded, JobState.Failed, JobState.Cancelled);
        await host.Worker.StopAsync(CancellationToken.None);

        Assert.True(finished.State == JobState.Succeeded, string.Join("\n", finished.Log.Select(l => l.Message)));
        Assert.Equal((3, 3), (finished.Done, finished.Total));
        using var result = System.Text.Json.JsonDocument.Parse(finished.Result!);
        Assert.Contains("(c) seed + all evolved (no elimination), 20% faults", result.RootElement.GetProperty("report").GetString());
        Assert.Contains(finished.Log, l => l.Message.Contains("evolving 1 rounds offline with 20% injected faults", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(host.Data.Runs, $"experiment-job-{job.Id}", "report.md")));
    }
}
