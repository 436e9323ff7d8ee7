using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MMEvol.Core.Model;

namespace MMEvol.EndToEnd.Tests;

/// <summary>Bulk review in a browser: filter, override everything it matches after the stated count, undo it as one.</summary>
[Collection(WorkbenchSiteCollection.Name)]
public sealed class BulkJourneyTests(WorkbenchSite site)
{
    [SkippableFact]
    public async Task KeepRoundTwo_ThenUndo_PutsEveryItemBack()
    {
        Chromium.SkipIfMissing();
        var before = await RoundAsync(2);
        var page = await site.SignedInPageAsync();
        await page.GotoAsync("/review?dataset=shapes");
        // Interactive once the page's script attached; a click before that is lost.
        await page.Locator("body[data-review-keys=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await ChooseAsync(page, "Round", "Round 2");
        await Assertions.Expect(page.Locator(".review-list")).ToContainTextAsync($"{before.Count} item");
        await ChooseAsync(page, "Action", "Keep");
        await page.Locator("#bulk-start").ClickAsync();
        await Assertions.Expect(page.Locator("#bulk-confirmation")).ToContainTextAsync($"Keep {before.Count} items matching the current filter");
        await WorkbenchSite.ScreenshotAsync(page, "review-bulk-confirmation");
        await page.Locator("#bulk-apply").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Keep saved on");
        var kept = await RoundAsync(2);
        await page.Locator(".bulk-undo").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("undone on");
        var undone = await RoundAsync(2);

        Assert.All(kept, i => Assert.Equal((ReviewState.Overridden, (Decision?)Decision.Kept), (i.ReviewState, i.Override)));
        Assert.Equal(before.Select(i => (i.Id, i.ReviewState, i.Override)), undone.Select(i => (i.Id, i.ReviewState, i.Override)));
        await page.Context.CloseAsync();
    }

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.Locator(".mud-select").Filter(new() { HasText = select }).First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private async Task<List<Instruction>> RoundAsync(int round)
    {
        await using var db = await site.Server.OpenStoreAsync();
        var shapes = await db.Datasets.Where(d => d.Name == "shapes").Select(d => d.Id).SingleAsync();
        return await db.Instructions.AsNoTracking().Where(i => i.DatasetId == shapes && i.RoundNumber == round).OrderBy(i => i.Id).ToListAsync();
    }
}
