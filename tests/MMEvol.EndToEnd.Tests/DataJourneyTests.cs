using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MMEvol.Core.Model;

namespace MMEvol.EndToEnd.Tests;

/// <summary>Import and export on the Data page, in a real browser against the real host, worker and store.</summary>
[Collection(WorkbenchSiteCollection.Name)]
public sealed class DataJourneyTests(WorkbenchSite site)
{
    private const string Good = """{"id": "fine-{0}", "conversations": [{"from": "human", "value": "Say {0}."}, {"from": "gpt", "value": "{0}."}]}""";

    private static string BadRecords => "[" + string.Join(",",
        Good.Replace("{0}", "one"),
        """{"id": "no-turns", "conversations": []}""",
        Good.Replace("{0}", "two"),
        """{"id": "escapes", "image": "../../../etc/passwd", "conversations": [{"from": "human", "value": "<image>\nWhat?"}, {"from": "gpt", "value": "No."}]}""") + "]";

    [SkippableFact]
    public async Task ImportFromServerPath_FileWithBadRecords_ShowsEachRefusalAndImportsTheRest()
    {
        Chromium.SkipIfMissing();
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(site.Server.Root, "incoming")).FullName, "bad-records.json");
        await File.WriteAllTextAsync(file, BadRecords);
        var page = await site.SignedInPageAsync();
        await WorkbenchSite.OpenInteractiveAsync(page, "/data");

        await page.Locator(".import-file input").FillAsync(file);
        await page.Locator(".import-dataset input").FillAsync("bad-records");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        var monitor = page.Locator(".job-monitor");
        await Assertions.Expect(monitor.Locator(".job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 60_000 });
        var refused = monitor.Locator(".refused-records tbody tr");
        await Assertions.Expect(refused).ToHaveCountAsync(2);
        await Assertions.Expect(refused.Nth(0)).ToContainTextAsync("no-turns");
        await Assertions.Expect(refused.Nth(1)).ToContainTextAsync("escapes");
        await Assertions.Expect(refused.Nth(1)).ToContainTextAsync("image");
        await Assertions.Expect(monitor.Locator(".import-summary")).ToContainTextAsync("Imported");
        await WorkbenchSite.ScreenshotAsync(page, "data-import-report");

        await using var db = await site.Server.OpenStoreAsync();
        var datasetId = await db.Datasets.Where(d => d.Name == "bad-records").Select(d => d.Id).SingleAsync();
        Assert.Equal(["fine-one", "fine-two"], await db.Records.Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id).Select(r => r.SourceId).ToListAsync());
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task UploadThenExport_TheExportDownloadsOverHttpAsAnAttachment()
    {
        Chromium.SkipIfMissing();
        var page = await site.SignedInPageAsync();
        await WorkbenchSite.OpenInteractiveAsync(page, "/data");

        await page.Locator(".import-form input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "uploaded set.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes("[" + Good.Replace("{0}", "up") + "]"),
        });
        await Assertions.Expect(page.Locator(".import-dataset input")).ToHaveValueAsync("uploaded set");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".job-monitor .job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 60_000 });

        await page.ReloadAsync();
        await page.Locator("[data-interactive=on]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await WorkbenchSite.SelectAsync(page, page.Locator(".export-dataset"), "uploaded set");
        await page.GetByRole(AriaRole.Button, new() { Name = "Export", Exact = true }).ClickAsync();
        var download = page.Locator(".job-monitor a", new() { HasText = "Download" });
        await Assertions.Expect(download).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await WorkbenchSite.ScreenshotAsync(page, "data-export");

        var href = await download.GetAttributeAsync("href") ?? "";
        var response = await page.Context.APIRequest.GetAsync(href);
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        Assert.StartsWith("attachment; filename=uploaded_set-llava-kept.json", response.Headers["content-disposition"]);
        Assert.Contains("\"fine-up\"", await response.TextAsync());
        using var anonymous = site.Server.CreateClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(href)).StatusCode);
        await page.Context.CloseAsync();
    }
}
