using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Data;
using MMEvol.Core.Evolution;
using MMEvol.Core.Import;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;
using MMEvol.Web.Account;
using MMEvol.Web.Components.Pages.Evolution;
using MMEvol.Web.Tests.Review;

namespace MMEvol.Web.Tests.Evolution;

/// <summary>The launch form over a real store: three text-only seed records, so every record is eligible for every round.</summary>
public sealed class LaunchFormTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DataDirectory Data = DataDirectory.Resolve(Path.Combine(Path.GetTempPath(), "mmevol-launch-" + Guid.NewGuid().ToString("N")), null, null, "/");
    private int _datasetId;

    public async Task InitializeAsync()
    {
        Data.EnsureCreated();
        var file = Path.Combine(Data.Root, "seeds.json");
        await File.WriteAllTextAsync(file, "[" + string.Join(",", Enumerable.Range(1, 3).Select(i =>
            $$"""{"id": "t{{i}}", "conversations": [{"from": "human", "value": "Name a colour number {{i}}."}, {"from": "gpt", "value": "Blue."}]}""")) + "]");
        await using var db = WorkbenchStore.Open(Data.DatabaseFile);
        await WorkbenchStore.MigrateAsync(db);
        await new Importer(Data, TimeProvider.System).ImportAsync(db, new ImportOptions(file, "seeds") { User = "admin" });
        _datasetId = await db.Datasets.Select(d => d.Id).SingleAsync();
    }

    private BunitContext Context()
    {
        var context = ComponentContext.Create();
        context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        context.Services.AddLogging().AddWorkbenchStore(Data).AddJobs(runWorker: false);
        context.Services.AddSingleton<EvolutionJobs>().AddScoped<CurrentUser>();
        context.AddAuthorization().SetAuthorized("admin");
        return context;
    }

    private IRenderedComponent<LaunchForm> Render(BunitContext context, Action<Job>? launched = null) =>
        context.Interactive().Render<LaunchForm>(p => p.Add(f => f.Datasets, [(_datasetId, "seeds")]).Add(f => f.OnLaunched, job => launched?.Invoke(job)));

    // Found and clicked on the renderer's thread: an estimate finishing in between re-renders the buttons.
    private static void Click(IRenderedComponent<LaunchForm> form, string text) =>
        form.InvokeAsync(() => form.FindAll("button").Single(b => b.TextContent.Contains(text, StringComparison.Ordinal)).Click()).GetAwaiter().GetResult();

    private static bool LaunchDisabled(IRenderedComponent<LaunchForm> form) =>
        form.FindAll("button").Single(b => b.TextContent.Contains("Launch", StringComparison.Ordinal)).HasAttribute("disabled");

    [Fact]
    public async Task Estimate_OfflineTwoRounds_ShowsUnitsLeftAndNoCost_ThenLaunchIsOffered()
    {
        await using var context = Context();
        var form = Render(context);
        Assert.True(LaunchDisabled(form));

        form.Find(".launch-rounds input").Change("2");
        Click(form, "Estimate");

        form.WaitForAssertion(() => Assert.Equal("6", form.Find(".estimate-units").TextContent.Trim()), Patience);
        Assert.Equal("$0.00", form.Find(".estimate-cost").TextContent.Trim());
        Assert.False(LaunchDisabled(form));
    }

    [Fact]
    public async Task Estimate_ThenAChangedSetting_AsksForANewEstimateBeforeLaunch()
    {
        await using var context = Context();
        var form = Render(context);
        Click(form, "Estimate");
        form.WaitForAssertion(() => Assert.False(LaunchDisabled(form)), Patience);

        form.Find(".launch-limit input").Change("1");

        Assert.True(LaunchDisabled(form));
        Assert.Contains("estimate again", form.Find(".estimate").TextContent);
    }

    [Fact]
    public async Task Launch_AfterEstimate_QueuesAnEvolveJobWithTheFormsSettingsAndCap()
    {
        await using var context = Context();
        Job? launched = null;
        var form = Render(context, job => launched = job);
        form.Find(".launch-rounds input").Change("2");
        form.Find(".launch-limit input").Change("2");
        form.Find(".launch-fault-rate input").Change("0.4");
        form.Find(".launch-max-cost input").Change("1.5");
        Click(form, "Estimate");
        form.WaitForAssertion(() => Assert.False(LaunchDisabled(form)), Patience);

        Click(form, "Launch");

        form.WaitForAssertion(() => Assert.NotNull(launched), Patience);
        await using var db = WorkbenchStore.Open(Data.DatabaseFile);
        var job = await db.Jobs.AsNoTracking().SingleAsync();
        Assert.Equal((launched!.Id, JobKind.Evolve, JobState.Queued, _datasetId, "admin"), (job.Id, job.Kind, job.State, job.DatasetId, job.CreatedBy));
        Assert.Equal(1.5, job.CostLimit);
        var settings = EvolveSettings.FromJson(job.Config);
        Assert.Equal((2, 2, 0.4, "offline", "heuristic", 1), (settings.Rounds, settings.Limit, settings.FaultRate, settings.Evolver, settings.Judge, settings.Concurrency));
        Assert.Equal(DirectionWeights.Equal.ToString(), settings.Weights);
        Assert.Null(settings.Llm);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Data.Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open leaves a temp folder behind, not a failed test.
        }
        return Task.CompletedTask;
    }
}
