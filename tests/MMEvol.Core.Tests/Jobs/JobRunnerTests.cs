using Microsoft.Extensions.Logging;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Jobs;

public sealed class JobRunnerTests
{
    private static async Task<(Job Job, JobOwner Owner)> ClaimNewAsync(JobTestHost host, JobKind kind = JobKind.Evolve)
    {
        var job = await host.Queue.EnqueueAsync(kind, null, "{}", "tester");
        var owner = JobOwner.ForThisProcess();
        return ((await host.Queue.ClaimAsync(job.Id, owner))!, owner);
    }

    [Fact]
    public async Task RunAsync_HandlerSucceeds_SucceededWithFinalProgress()
    {
        await using var store = await TestStore.CreateAsync();
        var handler = new TestJobHandler(async (context, _) =>
        {
            await context.LogAsync(LogLevel.Information, "working");
            context.ReportProgress(7, 7);
        });
        await using var host = JobTestHost.Create(store, handlers: [handler]);
        var (job, owner) = await ClaimNewAsync(host);

        Assert.Equal(JobState.Succeeded, await host.Runner.RunAsync(job, owner));

        var stored = (await host.Queue.GetAsync(job.Id, includeLog: true))!;
        Assert.Equal((JobState.Succeeded, 7, 7), (stored.State, stored.Done, stored.Total));
        Assert.NotNull(stored.FinishedAt);
        Assert.Contains(stored.Log, l => l.Message == "working");
    }

    [Fact]
    public async Task RunAsync_ProgressReported_WrittenByHeartbeatWhileRunning()
    {
        await using var store = await TestStore.CreateAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new TestJobHandler(async (context, token) =>
        {
            context.ReportProgress(2, 5);
            await release.Task.WaitAsync(token);
        });
        await using var host = JobTestHost.Create(store, handlers: [handler]);
        var (job, owner) = await ClaimNewAsync(host);

        var run = host.Runner.RunAsync(job, owner);
        var seen = await Eventually.Until(() => host.Queue.GetAsync(job.Id), j => j!.Done == 2);
        release.SetResult();

        Assert.Equal(5, seen!.Total);
        Assert.Equal(JobState.Succeeded, await Eventually.Within(run));
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_FailedWithMessageAndLogLine()
    {
        await using var store = await TestStore.CreateAsync();
        var handler = new TestJobHandler((_, _) => throw new InvalidOperationException("record 12: no image"));
        await using var host = JobTestHost.Create(store, handlers: [handler]);
        var (job, owner) = await ClaimNewAsync(host);

        Assert.Equal(JobState.Failed, await host.Runner.RunAsync(job, owner));

        var stored = (await host.Queue.GetAsync(job.Id, includeLog: true))!;
        Assert.Equal("record 12: no image", stored.Error);
        Assert.Contains(stored.Log, l => l.Level == "Error" && l.Message == "record 12: no image");
    }

    [Fact]
    public async Task RunAsync_CancelRequestedWhileRunning_HandlerTokenFiresAndCancelled()
    {
        await using var store = await TestStore.CreateAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokenFired = false;
        var handler = new TestJobHandler(async (_, token) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                tokenFired = true;
                throw;
            }
        });
        await using var host = JobTestHost.Create(store, handlers: [handler]);
        var (job, owner) = await ClaimNewAsync(host);

        var run = host.Runner.RunAsync(job, owner);
        await Eventually.Within(started.Task.ContinueWith(_ => true));
        await host.Queue.RequestCancelAsync(job.Id);

        Assert.Equal(JobState.Cancelled, await Eventually.Within(run));
        Assert.True(tokenFired);
        Assert.Equal(JobState.Cancelled, (await host.Queue.GetAsync(job.Id))!.State);
    }

    [Fact]
    public async Task RunAsync_HostStopping_ReleasesJobForTheNextWorkerAtOnce()
    {
        await using var store = await TestStore.CreateAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new TestJobHandler(async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        await using var host = JobTestHost.Create(store, handlers: [handler]);
        var (job, owner) = await ClaimNewAsync(host);
        using var stopping = new CancellationTokenSource();

        var run = host.Runner.RunAsync(job, owner, stopping.Token);
        await Eventually.Within(started.Task.ContinueWith(_ => true));
        await stopping.CancelAsync();

        Assert.Equal(JobState.Running, await Eventually.Within(run));
        Assert.Equal(job.Id, (await host.Queue.TryClaimNextAsync(JobOwner.ForThisProcess(), [JobKind.Evolve]))?.Id);
    }

    [Fact]
    public async Task RunAsync_LeaseTakenOver_HandlerStopsAndWritesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new TestJobHandler(async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        await using var host = JobTestHost.Create(store, handlers: [handler]);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
        // The first owner's process is gone, so a second owner may take the job while the first still runs it.
        var first = new JobOwner(Environment.MachineName, await ChildProcess.ExitedPidAsync(), "gone0003");
        var claimed = (await host.Queue.ClaimAsync(job.Id, first))!;

        var run = host.Runner.RunAsync(claimed, first);
        await Eventually.Within(started.Task.ContinueWith(_ => true));
        var second = JobOwner.ForThisProcess();
        Assert.NotNull(await host.Queue.ClaimAsync(job.Id, second));

        Assert.Equal(JobState.Running, await Eventually.Within(run));
        Assert.Equal(second.Value, (await host.Queue.GetAsync(job.Id))!.LeaseOwner);
    }

    [Fact]
    public async Task RunAsync_NoHandlerForKind_Failed()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store);
        var (job, owner) = await ClaimNewAsync(host, JobKind.Train);

        Assert.Equal(JobState.Failed, await host.Runner.RunAsync(job, owner));
        Assert.Contains("Train", (await host.Queue.GetAsync(job.Id))!.Error);
    }
}
