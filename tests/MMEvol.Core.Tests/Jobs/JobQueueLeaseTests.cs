using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Jobs;

public sealed class JobQueueLeaseTests
{
    private static readonly JobKind[] Evolve = [JobKind.Evolve];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task HeartbeatAsync_HeldLease_ExtendsLeaseAndStoresProgress()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
        var owner = JobOwner.ForThisProcess();
        await host.Queue.ClaimAsync(job.Id, owner);

        _time.Advance(TimeSpan.FromSeconds(20));
        var beat = await host.Queue.HeartbeatAsync(job.Id, owner, 3, 10);
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(new JobHeartbeat(LeaseLost: false, CancelRequested: false), beat);
        Assert.Null(await host.Queue.TryClaimNextAsync(JobOwner.ForThisProcess(), Evolve));
        var stored = await host.Queue.GetAsync(job.Id);
        Assert.Equal((3, 10), (stored!.Done, stored.Total));
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromSeconds(20), stored.HeartbeatAt);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(10), stored.LeaseExpiresAt);
    }

    [Fact]
    public async Task HeartbeatAsync_AfterTakeover_ReportsLeaseLostAndCannotFinish()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
        var first = JobOwner.ForThisProcess();
        await host.Queue.ClaimAsync(job.Id, first);
        _time.Advance(TimeSpan.FromSeconds(31));
        await host.Queue.ClaimAsync(job.Id, JobOwner.ForThisProcess());

        Assert.True((await host.Queue.HeartbeatAsync(job.Id, first, 1, 1)).LeaseLost);
        Assert.False(await host.Queue.CompleteAsync(job.Id, first));
        Assert.Equal(JobState.Running, (await host.Queue.GetAsync(job.Id))!.State);
    }

    [Fact]
    public async Task RequestCancelAsync_Queued_CancelledAtOnceAndNeverClaimed()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");

        Assert.Equal(JobState.Cancelled, await host.Queue.RequestCancelAsync(job.Id));

        Assert.Null(await host.Queue.TryClaimNextAsync(JobOwner.ForThisProcess(), Evolve));
        Assert.Equal(_time.GetUtcNow(), (await host.Queue.GetAsync(job.Id))!.FinishedAt);
    }

    [Fact]
    public async Task RequestCancelAsync_Running_FlagsItForTheNextHeartbeat()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
        var owner = JobOwner.ForThisProcess();
        await host.Queue.ClaimAsync(job.Id, owner);

        Assert.Equal(JobState.Running, await host.Queue.RequestCancelAsync(job.Id));

        Assert.True((await host.Queue.HeartbeatAsync(job.Id, owner, 0, 0)).CancelRequested);
    }

    [Fact]
    public async Task RequestCancelAsync_RunningWithDeadOwner_CancelledAtOnce()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
        await host.Queue.ClaimAsync(job.Id, new JobOwner(Environment.MachineName, await ChildProcess.ExitedPidAsync(), "gone0002"));

        Assert.Equal(JobState.Cancelled, await host.Queue.RequestCancelAsync(job.Id));
    }

    [Fact]
    public async Task LogAsync_SeveralLines_StoredInOrder()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");

        for (var i = 0; i < 5; i++)
        {
            await host.Queue.LogAsync(job.Id, i == 3 ? LogLevel.Warning : LogLevel.Information, $"line {i}");
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        var stored = (await host.Queue.GetAsync(job.Id, includeLog: true))!.Log;
        Assert.Equal(["line 0", "line 1", "line 2", "line 3", "line 4"], stored.Select(l => l.Message));
        Assert.Equal("Warning", stored[3].Level);
        Assert.Equal(stored.OrderBy(l => l.At).Select(l => l.Id), stored.Select(l => l.Id));
        var tail = await host.Queue.ReadLogAsync(job.Id, afterId: stored[2].Id);
        Assert.Equal(["line 3", "line 4"], tail.Select(l => l.Message));
    }
}
