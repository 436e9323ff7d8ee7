using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Core.Training;
using MMEvol.Training.Evaluation;
using MMEvol.Training.Jobs;
using MMEvol.Training.Probe;
using MMEvol.Training.Tests.Probe;

namespace MMEvol.Training.Tests.Jobs;

public sealed class TrainJobTests
{
    [Fact]
    public async Task TrainJob_ThroughTheWorker_RunWithProvenanceCurveAndBenchmark()
    {
        await using var host = await TrainingHost.CreateAsync();
        var settings = new TrainSettings
        {
            DatasetId = host.DatasetId,
            Snapshot = SnapshotKind.Seed,
            Probe = ShapesSamples.TinyOptions(steps: 40),
        };
        var finished = await host.TrainAsync(settings);

        Assert.True(finished.State == JobState.Succeeded, string.Join("\n", finished.Log.Select(l => l.Message)));
        await using var db = host.Open();
        var run = await db.TrainingRuns.Include(r => r.Metrics).SingleAsync();
        var seedIds = await db.Instructions.Where(i => i.RoundNumber == 0).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
        Assert.Equal((finished.Id, TrainingStatus.Completed, 40, 40), (run.JobId!.Value, run.Status, run.Step, run.TargetSteps));
        Assert.Equal(seedIds.Count, run.SnapshotItems);
        Assert.Equal(TrainingSnapshot.HashIds(seedIds), run.SnapshotHash);
        Assert.Equal(1, run.PolicyVersion);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i * 5), run.Metrics.OrderBy(m => m.Step).Select(m => m.Step));
        var evaluation = BenchmarkSummary.FromJson(run.Evaluation);
        Assert.NotNull(evaluation);
        Assert.True(evaluation.Items > 0);
        Assert.Contains(evaluation.Categories, c => c.Category == "existence");
        Assert.Equal(3, evaluation.Pope.Count);
        Assert.True(File.Exists(Path.Combine(host.Data.Runs, run.RunFolder!, "checkpoint", "weights.bin")));
        Assert.Contains(finished.Log, l => l.Message.Contains("Benchmark:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TrainJob_CancelledThenResumed_SameRunFinishesOnTheSameItems()
    {
        await using var host = await TrainingHost.CreateAsync();
        var settings = new TrainSettings
        {
            DatasetId = host.DatasetId,
            Snapshot = SnapshotKind.Kept,
            Probe = ShapesSamples.TinyOptions(steps: 1_000) with { CheckpointEvery = 50 },
        };
        var job = await host.Queue.EnqueueAsync(JobKind.Train, host.DatasetId, settings.ToJson(), "tester");
        await host.Worker.StartAsync(CancellationToken.None);
        await WaitForStepAsync(host, 100);

        await host.Queue.RequestCancelAsync(job.Id);
        var cancelled = await host.WaitAsync(job.Id, JobState.Cancelled, JobState.Failed, JobState.Succeeded);
        int stoppedAt;
        string hash;
        await using (var db = host.Open())
        {
            var run = await db.TrainingRuns.SingleAsync();
            (stoppedAt, hash) = (run.Step, run.SnapshotHash);
            Assert.Equal(TrainingStatus.Cancelled, run.Status);
            Assert.InRange(stoppedAt, 100, 999);
            // A reviewer eliminates an item meanwhile: the resumed run still trains on the snapshot it took.
            await db.Instructions.Where(i => i.Id == db.Instructions.Min(x => x.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.FinalDecision, Decision.Eliminated));
        }
        Assert.Equal(JobState.Cancelled, cancelled.State);

        await host.Queue.ResumeAsync(job.Id);
        var finished = await host.WaitAsync(job.Id, JobState.Succeeded, JobState.Failed);
        await host.Worker.StopAsync(CancellationToken.None);

        Assert.True(finished.State == JobState.Succeeded, string.Join("\n", finished.Log.Select(l => l.Message)));
        await using var check = host.Open();
        var resumed = await check.TrainingRuns.SingleAsync();
        Assert.Equal((TrainingStatus.Completed, 1_000, hash), (resumed.Status, resumed.Step, resumed.SnapshotHash));
        Assert.Contains(finished.Log, l => l.Message.StartsWith("Resuming training run", StringComparison.Ordinal));
        // The curve has one point per report, none twice, across both attempts.
        var steps = await check.TrainingMetrics.Select(m => m.Step).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i * 5), steps);
    }

    [Fact]
    public async Task TrainJob_SavedFilterSnapshot_TrainsOnExactlyTheItemsItMatches()
    {
        await using var host = await TrainingHost.CreateAsync(images: 8);
        var filter = new ReviewFilter(host.DatasetId) { Text = "color" };
        var settings = new TrainSettings
        {
            DatasetId = host.DatasetId,
            Snapshot = SnapshotKind.Filter,
            Filter = filter,
            Probe = ShapesSamples.TinyOptions(steps: 5),
        };
        var finished = await host.TrainAsync(settings);

        Assert.True(finished.State == JobState.Succeeded, string.Join("\n", finished.Log.Select(l => l.Message)));
        await using var db = host.Open();
        var run = await db.TrainingRuns.SingleAsync();
        var matching = await db.Instructions.Where(i => i.Question.Contains("color") || i.Answer.Contains("color")).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
        Assert.NotEmpty(matching);
        Assert.True(matching.Count < await db.Instructions.CountAsync());
        Assert.Equal((SnapshotKind.Filter, matching.Count, TrainingSnapshot.HashIds(matching)), (run.Snapshot, run.SnapshotItems, run.SnapshotHash));
        Assert.Equal(filter, SavedFilters.FromJson(run.SnapshotFilter!));
    }

    private static async Task WaitForStepAsync(TrainingHost host, int step)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = host.Open();
            if (await db.TrainingRuns.AnyAsync(r => r.Step >= step))
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No run reached step {step} within two minutes.");
    }
}
