using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Data;
using MMEvol.Core.Demo;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution;
using MMEvol.Core.Export;

namespace MMEvol.Core.Tests.Evolution;

/// <summary>A Shapes demo dataset in a real store, with the services a host composes to evolve it.</summary>
public sealed class EvolutionWorld : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EvolutionWorld(TestStore store, ServiceProvider services, int datasetId)
    {
        Store = store;
        _services = services;
        DatasetId = datasetId;
    }

    public TestStore Store { get; }
    public int DatasetId { get; }
    public IServiceProvider Services => _services;

    public static async Task<EvolutionWorld> CreateAsync(int images, int seed = 7)
    {
        var store = await TestStore.CreateAsync();
        var world = DemoDataset.Generate(store.Data, new ShapesWorldOptions(images, BenchmarkImages: 1, Seed: seed));
        await using (var db = store.Open())
            await DemoDataset.ImportAsync(db, store.Data, world, "shapes", TimeProvider.System);
        return await WrapAsync(store);
    }

    /// <summary>Evolution services over a store a test filled itself (dataset "shapes").</summary>
    public static async Task<EvolutionWorld> WrapAsync(TestStore store)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddWorkbench(store.Data, runWorker: false)
            .BuildServiceProvider();
        await using var check = store.Open();
        return new EvolutionWorld(store, services, (await check.Datasets.SingleAsync(d => d.Name == "shapes")).Id);
    }

    public Task<EvolutionSummary> EvolveAsync(EvolveSettings settings, CancellationToken cancellationToken = default) =>
        _services.GetRequiredService<EvolutionRun>().RunAsync(DatasetId, settings, jobId: null, progress: null, _ => Task.CompletedTask, cancellationToken);

    public Task<int> JudgeAsync(JudgeSettings settings) =>
        _services.GetRequiredService<JudgeRun>().RunAsync(DatasetId, settings, 0, null, _ => Task.CompletedTask, CancellationToken.None);

    public async Task<byte[]> ExportAsync(ItemSelection selection = ItemSelection.All) =>
        await File.ReadAllBytesAsync(await Store.ExportAsync("shapes", ExportFormat.MMEvol, selection, name: $"export-{Guid.NewGuid():N}.json"));

    public WorkbenchDb Open() => Store.Open();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
    }
}
