using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MMEvol.Core.Import;
using MMEvol.Core.Model;
using MMEvol.Core.Users;
using MMEvol.Web.Account;
using MMEvol.Web.Tests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MMEvol.EndToEnd.Tests;

/// <summary>
/// One workbench for the browser journeys: a real Kestrel over a real SQLite file, its demo evolved
/// for three rounds, a second reviewer, a dataset whose text carries script payloads, and Chromium.
/// </summary>
public sealed class WorkbenchSite : IAsyncLifetime
{
    public const string XssDataset = "hostile";
    public const string ReviewerName = "reviewer2";
    public const string ReviewerPassword = "Second-reviewer-9";

    /// <summary>An external trainer profile that stands in for LLaMA-Factory: it checks the export is there and prints a Hugging Face Trainer log.</summary>
    public const string TrainerProfileName = "stand-in";
    public const string TrainerCommand =
        """test -s {data} && awk 'BEGIN { for (s = 10; s <= 60; s += 10) printf "{\"loss\": %.3f, \"learning_rate\": %g, \"step\": %d}\n", 3 / (1 + s / 20), 0.0002 * (1 - s / 70), s }'""";

    private IPlaywright? _playwright;

    public WorkbenchServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public bool Available { get; private set; }

    /// <summary>Where screenshots go: a folder beside the test binaries, kept after the run as the artifacts to look at.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Available = File.Exists(Chromium.Path);
        if (!Available)
            return;
        var demo = WorkbenchServer.SmallDemo(rounds: 3);
        // A small benchmark beside the demo's images: the training journey's run is scored on it.
        demo["Demo:BenchmarkImages"] = "10";
        demo["Training:Profiles:" + TrainerProfileName + ":CommandTemplate"] = TrainerCommand;
        Server = WorkbenchServer.Start(demo);
        await Server.WaitForJobsAsync(jobs => jobs.Count >= 2 && jobs.All(j => j.State == JobState.Succeeded));
        using (var scope = Server.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(ReviewerName, WorkbenchRoles.Reviewer, ReviewerPassword, "admin");
        await ImportHostileDatasetAsync();
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A fresh browser profile (its own cookies) signed in as the user.</summary>
    public async Task<IPage> SignedInPageAsync(string user = "admin", string? password = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.Address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#user-name", user);
        await page.FillAsync("#password", password ?? Server.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Opens a page and waits for its circuit: a click before then would land on the prerendered copy.</summary>
    public static async Task OpenInteractiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-interactive=on]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Picks an option of a MudSelect: its list opens in a popover outside the select's element.</summary>
    public static async Task SelectAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }

    /// <summary>Imports a file into a dataset straight into the store, as a test's starting point.</summary>
    public async Task ImportAsync(string dataset, string json)
    {
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(Server.Root, dataset)).FullName, "records.json");
        await File.WriteAllTextAsync(file, json);
        await using var db = await Server.OpenStoreAsync();
        await new Importer(Server.Data, TimeProvider.System).ImportAsync(db, new ImportOptions(file, dataset) { User = "admin" });
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>Records whose question, answer and caption try to run script in a reviewer's browser.</summary>
    private async Task ImportHostileDatasetAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Server.Root, "hostile")).FullName;
        using (var scene = new Image<Rgb24>(96, 64, new Rgb24(40, 120, 200)))
            await scene.SaveAsPngAsync(Path.Combine(folder, "scene.png"));
        var records = new[]
        {
            new
            {
                id = "xss-1",
                image = "scene.png",
                conversations = new[]
                {
                    new { from = "human", value = "<image>\nWhat is <script>window.__xss = 'script'</script> here? <img src=x onerror=\"window.__xss='onerror'\">" },
                    new { from = "gpt", value = "A **bold** answer with <img src=x onerror=\"window.__xss='markdown'\"> and [a link](javascript:window.__xss='link')." },
                },
            },
        };
        var file = Path.Combine(folder, "hostile.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(records));
        await using var db = await Server.OpenStoreAsync();
        var report = await new Importer(Server.Data, TimeProvider.System).ImportAsync(db, new ImportOptions(file, XssDataset) { User = "admin" });
        Assert.Equal(1, report.Imported);
    }

    public async Task DisposeAsync()
    {
        if (!Available)
            return;
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WorkbenchSiteCollection : ICollectionFixture<WorkbenchSite>
{
    public const string Name = "Workbench site";
}
