using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Data;
using MMEvol.Core.Demo;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;
using MMEvol.Core.Tests.Jobs;

namespace MMEvol.Core.Tests.Demo;

public sealed class DemoJobHandlerTests
{
    private static DemoSettings Small => new() { Images = 6, BenchmarkImages = 0, Rounds = 2 };

    private static async Task<JobState> RunDemoAsync(JobTestHost host, TestStore store, DemoSettings settings)
    {
        var handler = new DemoJobHandler(host.Services.GetRequiredService<IDbContextFactory<WorkbenchDb>>(), store.Data, host.Queue, TimeProvider.System);
        return (await host.RunOnceAsync(handler, null, settings.ToJson())).State;
    }

    [Fact]
    public async Task RunAsync_EmptyStore_ImportsWorldAndQueuesEvolveJob()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store);

        Assert.Equal(JobState.Succeeded, await RunDemoAsync(host, store, Small));

        await using var db = store.Open();
        var dataset = await db.Datasets.SingleAsync(d => d.Name == DemoDataset.DefaultName);
        Assert.Equal(6, await db.Records.CountAsync(r => r.DatasetId == dataset.Id && r.ImagePath != null));
        var evolve = await db.Jobs.SingleAsync(j => j.Kind == JobKind.Evolve);
        Assert.Equal((JobState.Queued, dataset.Id, "tester"), (evolve.State, evolve.DatasetId, evolve.CreatedBy));
        Assert.Equal(2, EvolveSettings.FromJson(evolve.Config).Rounds);
    }

    [Fact]
    public async Task RunAsync_RunTwice_ImportsOnceAndQueuesOneEvolveJob()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store);

        await RunDemoAsync(host, store, Small);
        Assert.Equal(JobState.Succeeded, await RunDemoAsync(host, store, Small));

        await using var db = store.Open();
        Assert.Equal(6, await db.Records.CountAsync());
        Assert.Equal(1, await db.Jobs.CountAsync(j => j.Kind == JobKind.Evolve));
    }

    [Fact]
    public async Task RunAsync_NoRounds_QueuesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        await using var host = JobTestHost.Create(store);

        Assert.Equal(JobState.Succeeded, await RunDemoAsync(host, store, Small with { Rounds = 0 }));

        await using var db = store.Open();
        Assert.False(await db.Jobs.AnyAsync(j => j.Kind == JobKind.Evolve));
    }
}
