using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Training.Evaluation;
using MMEvol.Web.Components.Pages.Training;
using MMEvol.Web.Tests.Review;

namespace MMEvol.Web.Tests.Training;

/// <summary>The live view of one run over a real store: its job's controls for whoever may use them, its figures and its curve.</summary>
public sealed class RunPanelTests : IAsyncLifetime
{
    private readonly TrainingStore _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    private async Task<(Job Job, TrainingRun Run)> RunningAsync(BunitContext context)
    {
        var job = await context.Services.GetRequiredService<JobQueue>().EnqueueAsync(JobKind.Train, _store.Dataset.Id, "{}", "admin");
        return (job, await _store.AddRunAsync("kept run", SnapshotKind.Kept, TrainingStatus.Running, points: 4, jobId: job.Id));
    }

    private static IRenderedComponent<RunPanel> Render(BunitContext context, int? jobId, int? runId = null, bool canControl = true) =>
        context.Interactive().Render<RunPanel>(p => p.Add(c => c.JobId, jobId).Add(c => c.RunId, runId).Add(c => c.CanControl, canControl));

    [Fact]
    public async Task Panel_RunningJob_ShowsStepOfTargetTheLossAndLearningRateCurvesAndCancelForAnAdmin()
    {
        await using var context = _store.Context();
        var (job, run) = await RunningAsync(context);

        var panel = Render(context, job.Id);

        panel.WaitForAssertion(() => Assert.Equal(run.Id.ToString(), panel.Find(".run-figures").GetAttribute("data-run")));
        Assert.Contains("20 / 40", panel.Find(".run-figures").TextContent);
        Assert.Equal(["loss", "learning rate"], panel.FindAll(".curve-chart polyline").Select(l => l.GetAttribute("data-series")));
        Assert.Single(panel.FindAll("button"), b => b.TextContent.Contains("Cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Panel_ForAViewer_ShowsTheRunButNoCancel()
    {
        await using var context = _store.Context();
        var (job, _) = await RunningAsync(context);

        var panel = Render(context, job.Id, canControl: false);

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".run-figures")));
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Contains("Cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Panel_JobQueuedBeforeItsRunExists_SaysItWaitsForTheWorker()
    {
        await using var context = _store.Context();
        var job = await context.Services.GetRequiredService<JobQueue>().EnqueueAsync(JobKind.Train, _store.Dataset.Id, "{}", "admin");

        var panel = Render(context, job.Id);

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".run-waiting")));
    }

    [Fact]
    public async Task Panel_FinishedRunWithoutJob_ShowsItsBenchmarkAccuracy()
    {
        var evaluation = new BenchmarkSummary("shapes", 8, 0.625, [new CategoryScore("color", 8, 5)], []);
        var run = await _store.AddRunAsync("scored", SnapshotKind.Seed, TrainingStatus.Completed, evaluation);
        await using var context = _store.Context();

        var panel = Render(context, jobId: null, runId: run.Id);

        Assert.Contains("62.5%", panel.Find(".run-figures").TextContent);
        Assert.Contains("color 63%", panel.Find(".run-categories").TextContent);
    }
}
