using Microsoft.Extensions.Time.Testing;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Jobs;

public sealed class JobQueueResumeTests
{
    private const string Config = """{"rounds":3,"seed":7}""";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ResumeAsync_Failed_QueuedWithErrorAndCancelCleared()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, Config, "tester");
        var owner = JobOwner.ForThisProcess();
        await host.Queue.ClaimAsync(job.Id, owner);
        await host.Queue.FailAsync(job.Id, owner, "model server down");

        var resumed = await host.Queue.ResumeAsync(job.Id);

        Assert.Equal(JobState.Queued, resumed.State);
        Assert.Null(resumed.Error);
        Assert.Null(resumed.FinishedAt);
        Assert.False(resumed.CancelRequested);
        Assert.Equal(job.Id, (await host.Queue.TryClaimNextAsync(JobOwner.ForThisProcess(), [JobKind.Evolve]))?.Id);
    }

    [Fact]
    public async Task ResumeAsync_Cancelled_QueuedAgain()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, Config, "tester");
        await host.Queue.RequestCancelAsync(job.Id);

        var resumed = await host.Queue.ResumeAsync(job.Id);

        Assert.Equal(JobState.Queued, resumed.State);
        Assert.False(resumed.CancelRequested);
    }

    [Theory]
    [InlineData(JobState.Queued)]
    [InlineData(JobState.Running)]
    [InlineData(JobState.Succeeded)]
    public async Task ResumeAsync_NotFailedOrCancelled_RefusedWithClearMessage(JobState state)
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, Config, "tester");
        var owner = JobOwner.ForThisProcess();
        if (state != JobState.Queued)
            await host.Queue.ClaimAsync(job.Id, owner);
        if (state == JobState.Succeeded)
            await host.Queue.CompleteAsync(job.Id, owner);

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => host.Queue.ResumeAsync(job.Id));

        Assert.Equal($"Job {job.Id} is {state}; only a Failed or Cancelled job can be resumed.", error.Message);
    }

    [Fact]
    public async Task FindResumableAsync_SameKindDatasetAndConfig_MatchesOnlyIdenticalConfig()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, Config, "tester");
        await host.Queue.EnqueueAsync(JobKind.Judge, null, Config, "tester");

        Assert.Equal(job.Id, (await host.Queue.FindResumableAsync(JobKind.Evolve, null, Config))?.Id);
        Assert.Null(await host.Queue.FindResumableAsync(JobKind.Evolve, null, """{"rounds":3, "seed":7}"""));
        Assert.Null(await host.Queue.FindResumableAsync(JobKind.Evolve, null, """{"rounds":4,"seed":7}"""));
        Assert.Null(await host.Queue.FindResumableAsync(JobKind.Evolve, 5, Config));
    }

    [Fact]
    public async Task FindResumableAsync_RunningJob_OnlyOnceItsLeaseExpired()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var job = await host.Queue.EnqueueAsync(JobKind.Evolve, null, Config, "tester");
        await host.Queue.ClaimAsync(job.Id, JobOwner.ForThisProcess());

        Assert.Null(await host.Queue.FindResumableAsync(JobKind.Evolve, null, Config));
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(job.Id, (await host.Queue.FindResumableAsync(JobKind.Evolve, null, Config))?.Id);
    }

    [Fact]
    public async Task FindResumableAsync_SucceededAndNewerFailed_ReturnsNewestResumable()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store, _time);
        var owner = JobOwner.ForThisProcess();
        var older = await host.Queue.EnqueueAsync(JobKind.Evolve, 1, Config, "tester");
        var done = await host.Queue.EnqueueAsync(JobKind.Evolve, 1, Config, "tester");
        await host.Queue.ClaimAsync(done.Id, owner);
        await host.Queue.CompleteAsync(done.Id, owner);
        var newer = await host.Queue.EnqueueAsync(JobKind.Evolve, 1, Config, "tester");
        await host.Queue.RequestCancelAsync(newer.Id);

        Assert.Equal(newer.Id, (await host.Queue.FindResumableAsync(JobKind.Evolve, 1, Config))?.Id);
        Assert.NotEqual(older.Id, newer.Id);
    }
}
