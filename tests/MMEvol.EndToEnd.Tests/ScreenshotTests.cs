using Microsoft.Playwright;

namespace MMEvol.EndToEnd.Tests;

/// <summary>Every page as a signed-in admin sees it, saved under screenshots/ to be looked at.</summary>
[Collection(WorkbenchSiteCollection.Name)]
public sealed class ScreenshotTests(WorkbenchSite site)
{
    [SkippableTheory]
    [InlineData("/", "dashboard", "Mean judge score")]
    [InlineData("/thresholds?dataset=shapes", "thresholds-start", "previewed in")]
    [InlineData("/review?dataset=shapes", "review", "Round 3")]
    [InlineData("/evolution", "evolution", "Launch an evolution")]
    [InlineData("/data", "data", "Imports and exports")]
    [InlineData("/training", "training", "Training")]
    [InlineData("/users", "users", "Users")]
    public async Task Page_RendersForAnAdmin(string path, string name, string text)
    {
        Chromium.SkipIfMissing();
        var page = await site.SignedInPageAsync();
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.GetByText(text, new() { Exact = false }).First).ToBeVisibleAsync();
        await WorkbenchSite.ScreenshotAsync(page, name);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task SignInPage_Renders()
    {
        Chromium.SkipIfMissing();
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.Server.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await WorkbenchSite.ScreenshotAsync(page, "sign-in");
        await context.CloseAsync();
    }
}
