using Microsoft.Extensions.Time.Testing;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Jobs;

public sealed class JobQueueClaimTests
{
    private static readonly JobKind[] Evolve = [JobKind.Evolve];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TryClaimNextAsync_TwoQueued_ClaimsOldestWithLease()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var first = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
        await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
        var owner = JobOwner.ForThisProcess();

        var job = await host.Queue.TryClaimNextAsync(owner, Evolve);

        Assert.NotNull(job);
        Assert.Equal(first.Id, job.Id);
        Assert.Equal(JobState.Running, job.State);
        Assert.Equal(owner.Value, job.LeaseOwner);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(30), job.LeaseExpiresAt);
        Assert.Equal(_time.GetUtcNow(), job.StartedAt);
    }

    [Fact]
    public async Task TryClaimNextAsync_OnlyOtherKindsQueued_ReturnsNull()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        await host.Queue.EnqueueAsync(JobKind.Train, null, "{}", "tester");

        Assert.Null(await host.Queue.TryClaimNextAsync(JobOwner.ForThisProcess(), Evolve));
        Assert.Null(await host.Queue.TryClaimNextAsync(JobOwner.ForThisProcess(), []));
    }

    [Fact]
    public async Task TryClaimNextAsync_ClaimersRaceFromSeparateContexts_ExactlyOneWinsEachJob()
    {
        await using var store = await TestStore.CreateAsync();
        var hosts = Enumerable.Range(0, 6).Select(_ => JobTestHost.Create(store, _time)).ToList();
        try
        {
            for (var round = 0; round < 10; round++)
            {
                var job = await hosts[0].Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var claims = hosts.Select(h => Task.Run(async () =>
                {
                    var owner = JobOwner.ForThisProcess();
                    await start.Task;
                    return (Owner: owner, Job: await h.Queue.TryClaimNextAsync(owner, Evolve));
                })).ToList();
                start.SetResult();
                var results = await Task.WhenAll(claims);

                var winner = Assert.Single(results, r => r.Job is not null);
                Assert.Equal(job.Id, winner.Job!.Id);
                Assert.Equal(winner.Owner.Value, (await hosts[0].Queue.GetAsync(job.Id))!.LeaseOwner);
            }
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task ClaimAsync_ConnectionsRaceForExpiredLease_ExactlyOneWins()
    {
        await using var store = await TestStore.CreateAsync();
        var hosts = Enumerable.Range(0, 6).Select(_ => JobTestHost.Create(store, _time)).ToList();
        try
        {
            var job = await hosts[0].Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
            await hosts[0].Queue.ClaimAsync(job.Id, JobOwner.ForThisProcess());
            _time.Advance(TimeSpan.FromSeconds(31));
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var claims = hosts.Select(h => Task.Run(async () =>
            {
                await start.Task;
                return await h.Queue.ClaimAsync(job.Id, JobOwner.ForThisProcess());
            })).ToList();
            start.SetResult();

            Assert.Single(await Task.WhenAll(claims), j => j is not null);
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task TryClaimNextAsync_LeaseExpired_ReclaimedByNextOwner()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
        await host.Queue.TryClaimNextAsync(JobOwner.ForThisProcess(), Evolve);
        var next = JobOwner.ForThisProcess();

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(await host.Queue.TryClaimNextAsync(next, Evolve));
        _time.Advance(TimeSpan.FromSeconds(2));
        var reclaimed = await host.Queue.TryClaimNextAsync(next, Evolve);

        Assert.Equal(job.Id, reclaimed?.Id);
        Assert.Equal(next.Value, reclaimed?.LeaseOwner);
    }

    [Fact]
    public async Task TryClaimNextAsync_LocalOwnerProcessExited_ReclaimedAtOnce()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
        var dead = new JobOwner(Environment.MachineName, await ChildProcess.ExitedPidAsync(), "gone0001");
        await host.Queue.ClaimAsync(job.Id, dead);

        var reclaimed = await host.Queue.TryClaimNextAsync(JobOwner.ForThisProcess(), Evolve);

        Assert.Equal(job.Id, reclaimed?.Id);
    }

    [Fact]
    public async Task TryClaimNextAsync_LocalOwnerProcessAlive_NotReclaimedBeforeExpiry()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
        var sleeper = ChildProcess.StartSleeping();
        try
        {
            await host.Queue.ClaimAsync(job.Id, new JobOwner(Environment.MachineName, sleeper.Id, "live0001"));

            Assert.Null(await host.Queue.TryClaimNextAsync(JobOwner.ForThisProcess(), Evolve));
            Assert.Null(await host.Queue.ClaimAsync(job.Id, JobOwner.ForThisProcess()));
        }
        finally
        {
            ChildProcess.Stop(sleeper);
        }
    }

    [Fact]
    public async Task TryClaimNextAsync_OwnerOnAnotherMachine_WaitsForExpiry()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, "{}", "tester");
        await host.Queue.ClaimAsync(job.Id, new JobOwner("elsewhere-" + Environment.MachineName, await ChildProcess.ExitedPidAsync(), "far00001"));

        Assert.Null(await host.Queue.TryClaimNextAsync(JobOwner.ForThisProcess(), Evolve));
    }

    [Fact]
    public async Task ClaimAsync_MissingJob_ThrowsWorkbenchException()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => host.Queue.ClaimAsync(42, JobOwner.ForThisProcess()));
        Assert.Contains("42", error.Message);
    }
}
