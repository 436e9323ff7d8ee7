using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MMEvol.Core.Model;
using MMEvol.Training.Evaluation;
using MMEvol.Training.Jobs;

namespace MMEvol.EndToEnd.Tests;

/// <summary>A probe training launched and followed in a real browser: the in-process worker trains it on TorchSharp and scores it.</summary>
[Collection(WorkbenchSiteCollection.Name)]
public sealed class TrainingJourneyTests(WorkbenchSite site)
{
    private const string SeedRun = "probe on seed";
    private const string KeptRun = "probe on kept";
    private const string ExternalRun = "stand-in trainer on kept";

    [SkippableFact]
    public async Task LaunchProbeOnSeedThenOnKept_CurvesDrawnRunsCompleteScored_TheirLossesOverlaid()
    {
        Chromium.SkipIfMissing();
        var page = await site.SignedInPageAsync();
        await WorkbenchSite.OpenInteractiveAsync(page, "/training");
        await TinySettingsAsync(page);

        await LaunchAsync(page, SeedRun, "Seed only");
        await LaunchAsync(page, KeptRun, "Kept");

        var live = page.Locator(".run-live");
        await Assertions.Expect(live.Locator(".curve-chart polyline[data-series='loss']")).ToHaveCountAsync(1);
        await Assertions.Expect(live.Locator(".job-log")).ToContainTextAsync("Benchmark:");
        foreach (var name in new[] { SeedRun, KeptRun })
        {
            var row = page.Locator("tr.run-row", new() { HasText = name });
            await Assertions.Expect(row.Locator(".run-accuracy")).ToContainTextAsync("%");
            await Assertions.Expect(row.Locator("td[data-pope]")).ToHaveCountAsync(3);
            await row.GetByRole(AriaRole.Checkbox).CheckAsync();
        }
        var overlay = page.Locator(".run-comparison .curve-chart polyline");
        await Assertions.Expect(overlay).ToHaveCountAsync(2);
        // Ticking scrolled the page; a full-page shot is taken from the top.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await WorkbenchSite.ScreenshotAsync(page, "training-runs");

        await using var db = await site.Server.OpenStoreAsync();
        var runs = await db.TrainingRuns.AsNoTracking().Where(r => r.Name == SeedRun || r.Name == KeptRun).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(SeedRun, SnapshotKind.Seed), (KeptRun, SnapshotKind.Kept)], runs.Select(r => (r.Name, r.Snapshot)));
        Assert.All(runs, r => Assert.Equal((TrainingStatus.Completed, 30), (r.Status, r.Step)));
        Assert.All(runs, r => Assert.True(BenchmarkSummary.FromJson(r.Evaluation)?.Items > 0));
        Assert.True(runs[0].SnapshotItems < runs[1].SnapshotItems);
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == runs[1].JobId);
        var settings = TrainSettings.FromJson(job.Config);
        Assert.Equal((8, 16, 32, 2, "admin"), (settings.Probe.BatchSize, settings.Probe.ImageSize, settings.Probe.Width, settings.Probe.Heads, job.CreatedBy));
        Assert.Equal(6, await db.TrainingMetrics.CountAsync(m => m.RunId == runs[1].Id));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task LaunchExternalProfile_PreviewShowsTheCommand_ItsLogLinesMakeTheCurve()
    {
        Chromium.SkipIfMissing();
        var page = await site.SignedInPageAsync();
        await WorkbenchSite.OpenInteractiveAsync(page, "/training");

        await Fill(page, ".train-name input", ExternalRun);
        await WorkbenchSite.SelectAsync(page, page.Locator(".train-trainer"), "Profile: " + WorkbenchSite.TrainerProfileName);
        var data = Path.Combine(site.Server.Data.Runs, "run-<id>", "data", "snapshot.json");
        await Assertions.Expect(page.Locator(".train-command")).ToContainTextAsync($"test -s '{data}' && awk");
        await WorkbenchSite.ScreenshotAsync(page, "training-external-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Launch" }).ClickAsync();

        var live = page.Locator(".run-live");
        await Assertions.Expect(live.Locator(".run-title")).ToContainTextAsync(ExternalRun, new() { Timeout = 60_000 });
        await Assertions.Expect(live.Locator(".run-figures")).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = 120_000 });
        await Assertions.Expect(live.Locator(".job-log")).ToContainTextAsync("The trainer finished: 6 loss point(s)");
        await Assertions.Expect(live.Locator(".curve-chart polyline[data-series='learning rate']")).ToHaveCountAsync(1);

        await using var db = await site.Server.OpenStoreAsync();
        var run = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Name == ExternalRun);
        Assert.Equal((WorkbenchSite.TrainerProfileName, TrainingStatus.Completed, 60, 0.75), (run.Trainer, run.Status, run.Step, run.Loss));
        Assert.Equal(6, await db.TrainingMetrics.CountAsync(m => m.RunId == run.Id));
        Assert.True(File.Exists(data.Replace("<id>", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Reviewer_OpensTraining_SeesTheRunsButNoLaunchForm()
    {
        Chromium.SkipIfMissing();
        var page = await site.SignedInPageAsync(WorkbenchSite.ReviewerName, WorkbenchSite.ReviewerPassword);
        await WorkbenchSite.OpenInteractiveAsync(page, "/training");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Runs" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Launch a training" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Launch" })).ToHaveCountAsync(0);
        await WorkbenchSite.ScreenshotAsync(page, "training-reviewer");
        await page.Context.CloseAsync();
    }

    /// <summary>A probe small enough to train and score in seconds on two cores.</summary>
    private static async Task TinySettingsAsync(IPage page)
    {
        await Fill(page, ".probe-steps input", "30");
        await Fill(page, ".probe-batch input", "8");
        await page.GetByText("Advanced: model shape and schedule").ClickAsync();
        await Fill(page, ".probe-image-size input", "16");
        await Fill(page, ".probe-width input", "32");
        await Fill(page, ".probe-layers input", "1");
        await Fill(page, ".probe-heads input", "2");
        await Fill(page, ".probe-tokens input", "48");
        await Fill(page, ".probe-report input", "5");
    }

    /// <summary>Launches with the snapshot and waits for the live panel to say the run completed.</summary>
    private static async Task LaunchAsync(IPage page, string name, string snapshot)
    {
        await Fill(page, ".train-name input", name);
        await WorkbenchSite.SelectAsync(page, page.Locator(".train-snapshot"), snapshot);
        await page.GetByRole(AriaRole.Button, new() { Name = "Launch" }).ClickAsync();
        var live = page.Locator(".run-live");
        await Assertions.Expect(live.Locator(".run-title")).ToContainTextAsync(name, new() { Timeout = 60_000 });
        await Assertions.Expect(live.Locator(".run-figures")).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = 180_000 });
        await Assertions.Expect(live.Locator(".job-state")).ToHaveTextAsync("Succeeded");
    }

    /// <summary>A numeric field takes its value when it loses focus.</summary>
    private static async Task Fill(IPage page, string selector, string value)
    {
        var input = page.Locator(selector);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }
}
