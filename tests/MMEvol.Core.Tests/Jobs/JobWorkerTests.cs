using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Jobs;

public sealed class JobWorkerTests
{
    private static Task<Job?> FinishedAsync(JobTestHost host, int jobId) =>
        Eventually.Until(() => host.Queue.GetAsync(jobId), j => j!.State is JobState.Succeeded or JobState.Failed or JobState.Cancelled);

    [Fact]
    public async Task Worker_HandlerThrows_MarksFailedAndRunsNextJob()
    {
        await using var store = await TestStore.CreateAsync();
        var handler = new TestJobHandler((context, _) =>
            context.Job.Config == "bad" ? throw new InvalidOperationException("bad config") : Task.CompletedTask);
        await using var host = JobTestHost.Create(store, handlers: [handler]);
        var bad = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "bad", "tester");
        var good = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "good", "tester");

        await host.Worker.StartAsync(CancellationToken.None);
        try
        {
            var failed = await FinishedAsync(host, bad.Id);
            var succeeded = await FinishedAsync(host, good.Id);

            Assert.Equal((JobState.Failed, "bad config"), (failed!.State, failed.Error));
            Assert.Equal(JobState.Succeeded, succeeded!.State);
        }
        finally
        {
            await host.Worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Worker_FailedJobResumed_RunsItAgainToSuccess()
    {
        await using var store = await TestStore.CreateAsync();
        var attempts = 0;
        var handler = new TestJobHandler((_, _) =>
            Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("model server down") : Task.CompletedTask);
        await using var host = JobTestHost.Create(store, handlers: [handler]);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");

        await host.Worker.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal(JobState.Failed, (await FinishedAsync(host, job.Id))!.State);
            await host.Queue.ResumeAsync(job.Id);
            var resumed = await Eventually.Until(() => host.Queue.GetAsync(job.Id), j => j!.State == JobState.Succeeded);

            Assert.Null(resumed!.Error);
            Assert.Equal(2, attempts);
        }
        finally
        {
            await host.Worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Worker_OtherKindQueued_LeavesItQueued()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, handlers: [new TestJobHandler((_, _) => Task.CompletedTask)]);
        var train = await host.Queue.EnqueueAsync(JobKind.Train, null, "{}", "tester");
        var evolve = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");

        await host.Worker.StartAsync(CancellationToken.None);
        try
        {
            await FinishedAsync(host, evolve.Id);
        }
        finally
        {
            await host.Worker.StopAsync(CancellationToken.None);
        }

        Assert.Equal(JobState.Queued, (await host.Queue.GetAsync(train.Id))!.State);
    }
}
