using Bunit;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Export;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Users;
using MMEvol.Training.Jobs;
using MMEvol.Web.Components.Pages.Training;
using MMEvol.Web.Tests.Review;
using MMEvol.Web.Trainers;
using MudBlazor;

namespace MMEvol.Web.Tests.Training;

/// <summary>The launch form over a real store: what it refuses, and the Train job it queues.</summary>
public sealed class TrainLaunchFormTests : IAsyncLifetime
{
    private readonly TrainingStore _store = new();

    private static readonly TrainingOptions WithProfile = new()
    {
        Profiles = { ["llamafactory"] = new() { CommandTemplate = "llamafactory-cli train --dataset {dataset} --dataset_dir {data_dir} --output_dir {output}" } },
    };

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    private IRenderedComponent<TrainLaunchForm> Render(BunitContext context, Action<Job>? launched = null) =>
        context.Interactive().Render<TrainLaunchForm>(p => p.Add(f => f.Dataset, _store.Dataset).Add(f => f.OnLaunched, job => launched?.Invoke(job)));

    private static void Launch(IRenderedComponent<TrainLaunchForm> form) =>
        form.InvokeAsync(() => form.FindAll("button").Single(b => b.TextContent.Contains("Launch", StringComparison.Ordinal)).Click()).GetAwaiter().GetResult();

    private static void Choose<T>(IRenderedComponent<TrainLaunchForm> form, T value) =>
        form.InvokeAsync(() => form.FindComponent<MudSelect<T>>().Instance.ValueChanged.InvokeAsync(value)).GetAwaiter().GetResult();

    private async Task<List<Job>> JobsAsync()
    {
        await using var db = _store.Open();
        return await db.Jobs.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Launch_SavedFilterSnapshot_QueuesTheFilterItself()
    {
        var filter = new ReviewFilter(_store.Dataset.Id) { Round = 0, Text = "colour" };
        await using var context = _store.Context();
        await context.Services.GetRequiredService<SavedFilters>().SaveAsync("seed colours", filter, "admin");
        var form = Render(context);

        await form.InvokeAsync(() => form.FindComponents<MudSelect<SnapshotKind>>().Single().Instance.ValueChanged.InvokeAsync(SnapshotKind.Filter));
        form.WaitForAssertion(() => Assert.Single(form.FindAll(".train-saved-filter")));
        Launch(form);

        var job = Assert.Single(await JobsAsync());
        var settings = TrainSettings.FromJson(job.Config);
        Assert.Equal((SnapshotKind.Filter, filter with { PageSize = ReviewFilter.DefaultPageSize }, "probe on filter seed colours"),
            (settings.Snapshot, settings.Filter, settings.Name));
    }

    [Fact]
    public async Task Form_Opened_ShowsTheProbeDefaults()
    {
        await using var context = _store.Context();

        var form = Render(context);

        var defaults = new MMEvol.Training.Probe.ProbeOptions();
        Assert.Equal(defaults.Steps.ToString(), form.Find(".probe-steps input").GetAttribute("value"));
        Assert.Equal(defaults.BatchSize.ToString(), form.Find(".probe-batch input").GetAttribute("value"));
        Assert.Equal("0.001", form.Find(".probe-lr input").GetAttribute("value"));
        Assert.Empty(form.FindAll(".train-command"));
    }

    [Fact]
    public async Task Launch_ProbeWithTinySettings_QueuesATrainJobCarryingThem()
    {
        await using var context = _store.Context();
        Job? launched = null;
        var form = Render(context, job => launched = job);
        form.Find(".train-name input").Change("tiny <b>probe</b>");
        Choose(form, SnapshotKind.Seed);
        form.Find(".probe-steps input").Change("30");
        form.Find(".probe-batch input").Change("8");
        form.Find(".probe-lr input").Change("0.002");
        form.Find(".probe-seed input").Change("3");

        Launch(form);

        form.WaitForAssertion(() => Assert.NotNull(launched));
        var job = Assert.Single(await JobsAsync());
        Assert.Equal((launched!.Id, JobKind.Train, JobState.Queued, _store.Dataset.Id, "admin"), (job.Id, job.Kind, job.State, job.DatasetId, job.CreatedBy));
        var settings = TrainSettings.FromJson(job.Config);
        Assert.Equal(("tiny <b>probe</b>", SnapshotKind.Seed, TrainSettings.ProbeTrainer, null), (settings.Name, settings.Snapshot, settings.Trainer, settings.External));
        Assert.Equal((30, 8, 0.002, 3), (settings.Probe.Steps, settings.Probe.BatchSize, settings.Probe.LearningRate, settings.Probe.Seed));
        Assert.Equal(new MMEvol.Training.Probe.ProbeOptions().Width, settings.Probe.Width);
    }

    [Fact]
    public async Task Launch_HeadsThatDoNotDivideTheWidth_RefusedWithTheReasonAndNothingQueued()
    {
        await using var context = _store.Context();
        var form = Render(context);
        form.Find(".probe-width input").Change("30");

        Launch(form);

        Assert.Contains("width 30 with 4 heads", form.Find(".train-error").TextContent);
        Assert.Empty(await JobsAsync());
    }

    [Fact]
    public async Task Launch_ByAReviewer_RefusedAndNothingQueued()
    {
        await using var context = _store.Context("rita", WorkbenchRoles.Reviewer);
        var form = Render(context);

        Launch(form);

        Assert.Contains("Only an Admin", form.Find(".train-error").TextContent);
        Assert.Empty(await JobsAsync());
    }

    [Fact]
    public async Task ExternalProfile_PreviewsTheCommandWithTheRunFolder_AndTheJobCarriesTheProfile()
    {
        await using var context = _store.Context(options: WithProfile);
        var form = Render(context);

        Choose(form, "llamafactory");

        var folder = Path.Combine(_store.Data.Runs, "run-<id>");
        Assert.Equal($"llamafactory-cli train --dataset 'mmevol_seeds' --dataset_dir '{folder}/data' --output_dir '{folder}/output'",
            form.Find(".train-command").TextContent);
        Assert.Empty(form.FindAll(".probe-steps"));
        Choose(form, ExportFormat.Llava);
        Assert.Contains("--dataset {dataset}", form.Find(".train-command").TextContent);

        Choose(form, ExportFormat.ShareGpt);
        Launch(form);

        var job = Assert.Single(await JobsAsync());
        var settings = TrainSettings.FromJson(job.Config);
        Assert.Equal(("llamafactory", ExportFormat.ShareGpt, SnapshotKind.Kept), (settings.Trainer, settings.ExportFormat, settings.Snapshot));
        Assert.Equal(WithProfile.Profiles["llamafactory"].CommandTemplate, settings.External?.CommandTemplate);
    }

    [Fact]
    public async Task Launch_ProfileUsingDatasetWithALlavaExport_RefusedBeforeAnythingIsQueued()
    {
        await using var context = _store.Context(options: WithProfile);
        var form = Render(context);
        Choose(form, "llamafactory");
        Choose(form, ExportFormat.Llava);

        Launch(form);

        Assert.Contains("export as ShareGPT", form.Find(".train-error").TextContent);
        Assert.Empty(await JobsAsync());
    }
}
