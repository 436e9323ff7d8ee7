using Microsoft.Playwright;

namespace MMEvol.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright (which never downloads a browser here). Outside CI a
/// machine without it skips the browser tests and says why; in CI (CI=true) that is a failure.
/// </summary>
public static class Chromium
{
    public static string Path => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static void SkipIfMissing() =>
        Skip.If(!File.Exists(Path) && Environment.GetEnvironmentVariable("CI") != "true",
            $"Chromium not found at {Path}: install Debian's chromium or set CHROMIUM_PATH to run the browser tests.");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Path,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
}
