using Microsoft.Playwright;

namespace MMEvol.EndToEnd.Tests;

public sealed class BrowserSmokeTests
{
    [SkippableFact]
    public async Task Chromium_Launches_AndRendersAPage()
    {
        Chromium.SkipIfMissing();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<h1>hello</h1>");
        Assert.Equal("hello", await page.Locator("h1").InnerTextAsync());
    }
}
