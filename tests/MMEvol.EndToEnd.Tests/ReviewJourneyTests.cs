using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MMEvol.Core.Model;

namespace MMEvol.EndToEnd.Tests;

/// <summary>Review in a real browser against the real host and store: keys, audit, conflicts, hostile text, sign-in walls.</summary>
[Collection(WorkbenchSiteCollection.Name)]
public sealed class ReviewJourneyTests(WorkbenchSite site)
{
    [SkippableFact]
    public async Task Keyboard_ConfirmSeesAuditEntryThenUndo_StoreFollows()
    {
        Chromium.SkipIfMissing();
        var item = await ItemAsync("shapes", skip: 0);
        var page = await site.SignedInPageAsync();
        await OpenReviewAsync(page, "shapes");
        await Assertions.Expect(page.Locator($"#item-{item.Id}")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));

        await page.Keyboard.PressAsync("c");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Confirm saved for item 1 of round 0");
        var confirmed = await ItemAsync(item.Id);
        await page.Locator($"#item-{item.Id} [aria-label=History]").ClickAsync();
        await Assertions.Expect(page.Locator($"#item-{item.Id} .item-history")).ToContainTextAsync("Confirm by admin");
        await WorkbenchSite.ScreenshotAsync(page, "review-audit");

        await page.Keyboard.PressAsync("u");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your last action was undone");
        var undone = await ItemAsync(item.Id);

        Assert.Equal(ReviewState.Confirmed, confirmed.ReviewState);
        Assert.Equal(ReviewState.Unreviewed, undone.ReviewState);
        await using var db = await site.Server.OpenStoreAsync();
        var audit = await db.Reviews.AsNoTracking().Where(r => r.InstructionId == item.Id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([ReviewAction.Confirm, ReviewAction.Undo], audit.Select(r => r.Action));
        Assert.All(audit, r => Assert.Equal("admin", r.User));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task HelpOverlay_QuestionMarkShowsTheKeys()
    {
        Chromium.SkipIfMissing();
        var page = await site.SignedInPageAsync();
        await OpenReviewAsync(page, "shapes");

        await page.Keyboard.PressAsync("?");

        var help = page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Assertions.Expect(help).ToContainTextAsync("undo your last action");
        await WorkbenchSite.ScreenshotAsync(page, "review-keys");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(help).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task LinkToAnItem_OpensItsRecordWithTheItemSelected()
    {
        Chromium.SkipIfMissing();
        await using var db = await site.Server.OpenStoreAsync();
        var deep = await db.Instructions.AsNoTracking().Where(i => i.RoundNumber == 3).OrderByDescending(i => i.Id).FirstAsync();
        var page = await site.SignedInPageAsync();

        await page.GotoAsync($"/review?item={deep.Id}");

        await Assertions.Expect(page.Locator($"#item-{deep.Id}")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));
        await Assertions.Expect(page.Locator(".round-column")).ToHaveCountAsync(4);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task BoxesSwitch_DrawsTheDetectionsOverTheImage()
    {
        Chromium.SkipIfMissing();
        var page = await site.SignedInPageAsync();
        await OpenReviewAsync(page, "shapes");
        await Assertions.Expect(page.Locator(".record-image img")).ToHaveJSPropertyAsync("complete", true);
        Assert.Equal(0, await page.Locator(".detection-box").CountAsync());

        await page.GetByLabel("Boxes").CheckAsync();

        await Assertions.Expect(page.Locator(".detection-box").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.querySelector('.record-image img').naturalWidth") > 0);
        await WorkbenchSite.ScreenshotAsync(page, "review-boxes");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task SecondReviewer_SavingOverAChangedItem_IsRefusedWithTheCurrentState()
    {
        Chromium.SkipIfMissing();
        var item = await ItemAsync("shapes", skip: 2);
        var first = await site.SignedInPageAsync();
        var second = await site.SignedInPageAsync(WorkbenchSite.ReviewerName, WorkbenchSite.ReviewerPassword);
        foreach (var page in new[] { first, second })
        {
            await OpenReviewAsync(page, "shapes");
            await page.Locator($"#row-{item.Id}").ClickAsync();
            await Assertions.Expect(page.Locator($"#item-{item.Id}")).ToBeVisibleAsync();
        }

        await first.Locator($"#item-{item.Id}").GetByRole(AriaRole.Button, new() { Name = "Eliminate" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Alert)).ToContainTextAsync("Eliminate saved");
        await second.Locator($"#item-{item.Id}").GetByRole(AriaRole.Button, new() { Name = "Keep" }).ClickAsync();

        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("another reviewer changed this item first");
        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("It is now Eliminated (Overridden)");
        await WorkbenchSite.ScreenshotAsync(second, "review-conflict");
        var stored = await ItemAsync(item.Id);
        Assert.Equal(Decision.Eliminated, stored.FinalDecision);
        await using var db = await site.Server.OpenStoreAsync();
        Assert.False(await db.Reviews.AnyAsync(r => r.InstructionId == item.Id && r.User == WorkbenchSite.ReviewerName));
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task ImportedScriptPayloads_ShowAsText_AndNeverRun()
    {
        Chromium.SkipIfMissing();
        var page = await site.SignedInPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await OpenReviewAsync(page, WorkbenchSite.XssDataset);
        await Assertions.Expect(page.Locator(".item-question").First).ToContainTextAsync("<script>window.__xss = 'script'</script>");
        await page.WaitForTimeoutAsync(500);

        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));
        Assert.Equal(0, await page.Locator(".lineage img[src=x], .review-list img[src=x]").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript:']").CountAsync());
        Assert.Equal(1, await page.Locator(".item-answer strong").CountAsync());
        Assert.Equal(0, dialogs);
        await WorkbenchSite.ScreenshotAsync(page, "review-hostile-text");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task TextSearch_AWordOrWordsInARowOneItemHolds_ListsThatItemAlone()
    {
        Chromium.SkipIfMissing();
        var item = await ItemAsync("shapes", skip: 7);
        await using (var db = await site.Server.OpenStoreAsync())
            await db.Instructions.Where(i => i.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Answer, i => i.Answer + " A zebracorn grazes nearby."));
        var page = await site.SignedInPageAsync();
        await OpenReviewAsync(page, "shapes");

        await page.GetByLabel("Search question or answer").FillAsync("ZEBRACORN");

        await Assertions.Expect(page.GetByText("1 item", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".review-row")).ToHaveCountAsync(1);
        await page.Locator(".review-row").First.ClickAsync();
        await Assertions.Expect(page.Locator($"#item-{item.Id}")).ToContainTextAsync("A zebracorn grazes nearby.");
        await page.EvaluateAsync("window.scrollTo(0, 0)"); // selecting scrolled the item into view; the fixed bar would land mid-shot
        await WorkbenchSite.ScreenshotAsync(page, "review-search");

        // Words in a row (the phrase index's case), the last one cut short, and the same words out of order.
        await page.GetByLabel("Search question or answer").FillAsync(" a ZEBRACORN grazes near");
        await Assertions.Expect(page.GetByText("1 item", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".review-row")).ToHaveCountAsync(1);
        await page.GetByLabel("Search question or answer").FillAsync(" a zebracorn nearby grazes");
        await Assertions.Expect(page.GetByText("0 items", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".review-row")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Anonymous_PageAndImage_AreRefused()
    {
        Chromium.SkipIfMissing();
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.Server.Address.ToString() });
        var page = await context.NewPageAsync();
        var record = (await ItemAsync("shapes", skip: 0)).RecordId;

        await page.GotoAsync("/review");
        var image = await context.APIRequest.GetAsync($"/media/records/{record}/image", new() { MaxRedirects = 0 });
        var thumbnail = await context.APIRequest.GetAsync($"/media/records/{record}/thumb", new() { MaxRedirects = 0 });

        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        foreach (var response in new[] { image, thumbnail })
        {
            Assert.NotEqual((int)HttpStatusCode.OK, response.Status);
            Assert.DoesNotContain("image/", response.Headers.GetValueOrDefault("content-type", ""), StringComparison.Ordinal);
        }
        await context.CloseAsync();
    }

    private static async Task OpenReviewAsync(IPage page, string dataset)
    {
        await page.GotoAsync($"/review?dataset={dataset}");
        await Assertions.Expect(page.Locator(".round-column").First).ToBeVisibleAsync();
        // The keys listen once the circuit is up and the page's script has attached.
        await page.Locator("body[data-review-keys=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private async Task<Instruction> ItemAsync(string dataset, int skip)
    {
        await using var db = await site.Server.OpenStoreAsync();
        var id = await db.Datasets.Where(d => d.Name == dataset).Select(d => d.Id).SingleAsync();
        return await db.Instructions.AsNoTracking().Where(i => i.DatasetId == id).OrderBy(i => i.Id).Skip(skip).FirstAsync();
    }

    private async Task<Instruction> ItemAsync(long id)
    {
        await using var db = await site.Server.OpenStoreAsync();
        return await db.Instructions.AsNoTracking().SingleAsync(i => i.Id == id);
    }
}
