using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Data;
using MMEvol.Core.Export;
using MMEvol.Core.Model;
using MMEvol.Core.Tests.Jobs;

namespace MMEvol.Core.Tests.Export;

public sealed class ExportJobHandlerTests
{
    private const string Records = """
        [{"id": "a", "image": "ok.png", "conversations": [{"from": "human", "value": "<image>\nWhat is it?"}, {"from": "gpt", "value": "A square."}]},
         {"id": "b", "conversations": [{"from": "human", "value": "Say hi."}, {"from": "gpt", "value": "Hi."}]}]
        """;

    private static async Task<(JobState State, Job Job)> RunExportAsync(TestStore store, ExportSettings settings)
    {
        await using var host = JobTestHost.Create(store);
        var handler = new ExportJobHandler(host.Services.GetRequiredService<IDbContextFactory<WorkbenchDb>>(), store.Data);
        return await host.RunOnceAsync(handler, null, settings.ToJson());
    }

    [Fact]
    public async Task RunAsync_Jsonl_WritesTheFileInTheJobsFolderAndStoresItsReport()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("ok.png", TestImages.Png());
        await store.ImportAsync(store.Write("data.json", Records), "seeds");

        var (state, job) = await RunExportAsync(store, new ExportSettings("seeds", ExportFormat.Jsonl) { Selection = ItemSelection.Seed });

        Assert.Equal(JobState.Succeeded, state);
        var report = ExportJobHandler.ReadResult(job.Result)!;
        Assert.Equal(Path.Combine(ExportJobHandler.Folder(store.Data, job.Id), "seeds-jsonl-seed.jsonl"), report.Out);
        var lines = File.ReadAllLines(report.Out);
        Assert.Equal(["a", "b"], lines.Select(l => (string)JsonNode.Parse(l)!["id"]!));
        Assert.Equal((2, 2), (report.Records, report.Items));
        Assert.Equal((2, 2), (job.Done, job.Total));
        Assert.Contains(job.Log, l => l.Message.Contains("Exported 2 seed items of 2 records", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_DatasetNameWithPathCharacters_StaysInsideTheJobsFolder()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("ok.png", TestImages.Png());
        await store.ImportAsync(store.Write("data.json", Records), "../../up \"there\"");

        var (state, job) = await RunExportAsync(store, new ExportSettings("../../up \"there\"", ExportFormat.Llava));

        Assert.Equal(JobState.Succeeded, state);
        var report = ExportJobHandler.ReadResult(job.Result)!;
        Assert.Equal(ExportJobHandler.Folder(store.Data, job.Id), Path.GetDirectoryName(report.Out));
        Assert.Equal("up__there-llava-kept.json", Path.GetFileName(report.Out));
        Assert.True(File.Exists(report.Out));
    }

    [Fact]
    public async Task RunAsync_UnknownDataset_Fails()
    {
        await using var store = await TestStore.CreateAsync();

        var (state, job) = await RunExportAsync(store, new ExportSettings("nowhere", ExportFormat.Llava));

        Assert.Equal(JobState.Failed, state);
        Assert.Contains("nowhere", job.Error);
        Assert.Null(job.Result);
    }
}
