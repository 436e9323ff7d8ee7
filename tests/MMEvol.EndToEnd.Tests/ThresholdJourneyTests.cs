using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MMEvol.Core.Model;

namespace MMEvol.EndToEnd.Tests;

/// <summary>The what-if in a browser: change a threshold, see what would flip, apply, and see the dashboard follow.</summary>
[Collection(WorkbenchSiteCollection.Name)]
public sealed class ThresholdJourneyTests(WorkbenchSite site)
{
    [SkippableFact]
    public async Task MinimumScore_ShowsTheFlips_ApplyChangesTheStoreAndTheDashboard()
    {
        Chromium.SkipIfMissing();
        var page = await site.SignedInPageAsync();
        await page.GotoAsync("/thresholds?dataset=shapes");
        await Assertions.Expect(page.GetByText("previewed in")).ToBeVisibleAsync();
        var keptBefore = await KeptAsync();

        await page.GetByLabel("Minimum score", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Minimum score value").FillAsync("7");
        await Assertions.Expect(page.Locator(".preview-items a").First).ToBeVisibleAsync();
        var firstFlip = await page.Locator(".preview-items a").First.GetAttributeAsync("href");
        await WorkbenchSite.ScreenshotAsync(page, "thresholds");
        await page.Locator("#apply-policy").ClickAsync();
        await Assertions.Expect(page.Locator("#apply-confirmation")).ToContainTextAsync("items change their final decision");
        await page.Locator("#confirm-apply").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("applied");
        var keptAfter = await KeptAsync();

        Assert.StartsWith("review?item=", firstFlip, StringComparison.Ordinal);
        Assert.True(keptAfter < keptBefore, $"kept {keptBefore} -> {keptAfter}");
        await using (var db = await site.Server.OpenStoreAsync())
        {
            var policy = await db.Policies.AsNoTracking().OrderByDescending(p => p.Id).FirstAsync();
            Assert.Equal((7.0, "admin"), (policy.MinScore, policy.CreatedBy));
            Assert.True(await db.Reviews.AnyAsync(r => r.Action == ReviewAction.PolicyChange && r.User == "admin"));
        }
        await page.GotoAsync("/?dataset=shapes");
        await Assertions.Expect(page.Locator("#dataset-kept")).ToContainTextAsync(keptAfter.ToString("N0"));
        await page.Context.CloseAsync();
    }

    private async Task<int> KeptAsync()
    {
        await using var db = await site.Server.OpenStoreAsync();
        var shapes = await db.Datasets.Where(d => d.Name == "shapes").Select(d => d.Id).SingleAsync();
        return await db.Instructions.CountAsync(i => i.DatasetId == shapes && i.FinalDecision == Decision.Kept);
    }
}
