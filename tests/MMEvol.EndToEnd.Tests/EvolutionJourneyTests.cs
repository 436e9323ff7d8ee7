using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;

namespace MMEvol.EndToEnd.Tests;

/// <summary>Evolution launched and followed in a real browser, against the real host, worker and store.</summary>
[Collection(WorkbenchSiteCollection.Name)]
public sealed class EvolutionJourneyTests(WorkbenchSite site)
{
    private const string Dataset = "evolve-journey";

    [SkippableFact]
    public async Task LaunchOffline_EstimateThenLaunch_ProgressRunsToCompletion()
    {
        Chromium.SkipIfMissing();
        await site.ImportAsync(Dataset, "[" + string.Join(",", Enumerable.Range(1, 4).Select(i =>
            $$"""{"id": "e{{i}}", "conversations": [{"from": "human", "value": "Which colour is item {{i}} of the list: red, green or blue?"}, {"from": "gpt", "value": "It is green, the second colour of the list."}]}""")) + "]");
        var page = await site.SignedInPageAsync();
        await WorkbenchSite.OpenInteractiveAsync(page, "/evolution");

        await WorkbenchSite.SelectAsync(page, page.Locator(".launch-dataset"), Dataset);
        await page.Locator(".launch-rounds input").FillAsync("2");
        await page.Locator(".launch-rounds input").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Estimate" }).ClickAsync();
        await Assertions.Expect(page.Locator(".estimate-units")).ToHaveTextAsync("8");
        await WorkbenchSite.ScreenshotAsync(page, "evolution-estimate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Launch" }).ClickAsync();

        var monitor = page.Locator(".job-monitor");
        await Assertions.Expect(monitor.Locator(".job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
        await Assertions.Expect(monitor.Locator(".job-count")).ToContainTextAsync("8 / 8");
        await Assertions.Expect(monitor.Locator(".job-log")).ToContainTextAsync("Round 2:");
        await Assertions.Expect(monitor.Locator(".job-spend")).ToContainTextAsync("Rounds written");
        await WorkbenchSite.ScreenshotAsync(page, "evolution-done");

        await using var db = await site.Server.OpenStoreAsync();
        var datasetId = await db.Datasets.Where(d => d.Name == Dataset).Select(d => d.Id).SingleAsync();
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Kind == JobKind.Evolve && j.DatasetId == datasetId);
        Assert.Equal((JobState.Succeeded, 2, "admin"), (job.State, EvolveSettings.FromJson(job.Config).Rounds, job.CreatedBy));
        Assert.Equal(8, await db.Rounds.CountAsync(r => r.JobId == job.Id));
        await page.Context.CloseAsync();
    }
}
