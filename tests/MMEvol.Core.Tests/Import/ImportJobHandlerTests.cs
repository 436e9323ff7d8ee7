using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MMEvol.Core.Data;
using MMEvol.Core.Import;
using MMEvol.Core.Model;
using MMEvol.Core.Tests.Jobs;

namespace MMEvol.Core.Tests.Import;

public sealed class ImportJobHandlerTests
{
    private static string Record(string id, string image, string answer = "A square.") =>
        $$"""{"id": "{{id}}", "image": "{{image}}", "conversations": [{"from": "human", "value": "<image>\nWhat is it?"}, {"from": "gpt", "value": "{{answer}}"}]}""";

    private static async Task<(JobState State, Job Job)> RunImportAsync(TestStore store, ImportOptions options)
    {
        await using var host = JobTestHost.Create(store);
        var handler = new ImportJobHandler(host.Services.GetRequiredService<IDbContextFactory<WorkbenchDb>>(), store.Data, TimeProvider.System,
            NullLogger<Importer>.Instance);
        return await host.RunOnceAsync(handler, null, options.ToJson());
    }

    [Fact]
    public async Task RunAsync_FileWithBadRecords_ImportsTheRestAndStoresEachRefusalOnTheJob()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("ok.png", TestImages.Png());
        store.Write("broken.png", TestImages.NotAnImage());
        var file = store.Write("data.json", $"[{Record("good", "ok.png")}, {Record("bad-image", "broken.png")}, {Record("escape", "../../etc/passwd")}]");

        var (state, job) = await RunImportAsync(store, new ImportOptions(file, "mixed") { ImageRoot = store.Files, User = "someone else" });

        Assert.Equal(JobState.Succeeded, state);
        var report = ImportReport.FromJson(job.Result!);
        Assert.Equal((3, 1), (report.Records, report.Imported));
        Assert.Equal([(1, "bad-image", "image"), (2, "escape", "image")], report.Refused.Select(e => (e.Index, e.Id, e.Field)));
        Assert.All(report.Refused, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        Assert.Contains(job.Log, l => l.Level == "Warning" && l.Message.Contains("record 1 (id bad-image)", StringComparison.Ordinal));
        Assert.Equal(job.Total, job.Done);
        await using var db = store.Open();
        Assert.Equal(["good"], await db.Records.Select(r => r.SourceId).ToListAsync());
        Assert.Equal("tester", (await db.Policies.SingleAsync()).CreatedBy);
    }

    [Fact]
    public async Task RunAsync_UploadedFile_IsRemovedOnceImportedAndKeptWhenTheImportFails()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("ok.png", TestImages.Png());
        string Upload(string content)
        {
            var folder = Directory.CreateDirectory(Path.Combine(store.Data.Uploads, Guid.NewGuid().ToString("N"))).FullName;
            File.WriteAllText(Path.Combine(folder, "data.json"), content);
            return Path.Combine(folder, "data.json");
        }
        var good = Upload($"[{Record("good", "ok.png")}]");
        var empty = Upload("[]");
        var elsewhere = store.Write("kept.json", $"[{Record("other", "ok.png")}]");

        var (imported, _) = await RunImportAsync(store, new ImportOptions(good, "up") { ImageRoot = store.Files });
        var (failed, _) = await RunImportAsync(store, new ImportOptions(empty, "up") { ImageRoot = store.Files });
        var (fromServer, _) = await RunImportAsync(store, new ImportOptions(elsewhere, "up") { ImageRoot = store.Files });

        Assert.Equal((JobState.Succeeded, JobState.Failed, JobState.Succeeded), (imported, failed, fromServer));
        Assert.False(Directory.Exists(Path.GetDirectoryName(good)));
        Assert.True(File.Exists(empty));
        Assert.True(File.Exists(elsewhere));
        Assert.True(Directory.Exists(store.Data.Uploads));
    }

    [Fact]
    public async Task RunAsync_MissingFile_FailsWithItsNameAndWritesNothing()
    {
        await using var store = await TestStore.CreateAsync();

        var (state, job) = await RunImportAsync(store, new ImportOptions(Path.Combine(store.Files, "absent.json"), "none"));

        Assert.Equal(JobState.Failed, state);
        Assert.Contains("absent.json", job.Error);
        Assert.Null(job.Result);
        await using var db = store.Open();
        Assert.False(await db.Datasets.AnyAsync());
    }
}
