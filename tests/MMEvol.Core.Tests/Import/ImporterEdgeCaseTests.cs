using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Formats;

namespace MMEvol.Core.Tests.Import;

/// <summary>Inputs found by review to crash, hang or slip through: each must be one clear per-record error.</summary>
public sealed class ImporterEdgeCaseTests
{
    private const string Good = """{"id": "good", "conversations": [{"from": "human", "value": "What is it?"}, {"from": "gpt", "value": "A square."}]}""";

    private static string WithImage(string id, string image) =>
        $$"""{"id": "{{id}}", "image": "{{image}}", "conversations": [{"from": "human", "value": "<image>\nWhat?"}, {"from": "gpt", "value": "That."}]}""";

    private static async Task<RecordError> RefusedAsync(TestStore store, string badRecord)
    {
        var report = await store.ImportAsync(store.Write("data.json", $"[{Good}, {badRecord}]"));
        Assert.Equal(1, report.Imported);
        return Assert.Single(report.Refused);
    }

    [Fact]
    public async Task Import_NotANumberScore_RefusedNotCrashed()
    {
        await using var store = await TestStore.CreateAsync();
        var report = await store.ImportAsync(store.Write("data.json", """
            [{"id": "ok", "conversations_v0": [{"question": "Q?", "answer": "A.", "score": 4}]},
             {"id": "n", "conversations_v0": [{"question": "Q?", "answer": "A.", "score": "NaN"}]}]
            """));
        var error = Assert.Single(report.Refused);
        Assert.Equal("conversations_v0[0].score", error.Field);
        Assert.Contains("finite", error.Reason);
    }

    [Fact]
    public async Task Import_JsonArrayWithByteOrderMark_Imported()
    {
        await using var store = await TestStore.CreateAsync();
        var path = Path.Combine(store.Files, "bom.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes($"[{Good}]")]);

        var report = await store.ImportAsync(path);

        Assert.Equal(1, report.Imported);
    }

    [Fact]
    public async Task Import_FirstRecordUnrecognizable_RefusedAloneRestDetected()
    {
        await using var store = await TestStore.CreateAsync();
        var report = await store.ImportAsync(store.Write("data.json", $"[42, {{\"id\": \"x\"}}, {Good}]"));

        Assert.Equal(("llava", 1), (report.Format, report.Imported));
        Assert.Equal([0, 1], report.Refused.Select(r => r.Index));
        Assert.All(report.Refused, r => Assert.Contains("format cannot be told", r.Reason));
    }

    [Fact]
    public async Task Import_NoRecognizableRecordAtAll_ThrowsAndWritesNothing()
    {
        await using var store = await TestStore.CreateAsync();

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => store.ImportAsync(store.Write("data.json", "[1, 2]")));

        Assert.Contains("--format", error.Message);
        await using var db = store.Open();
        Assert.Equal(0, await db.Datasets.CountAsync());
    }

    [Fact]
    public async Task Import_EveryRecordRefused_ThrowsAndCreatesNoDataset()
    {
        await using var store = await TestStore.CreateAsync();

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => store.ImportAsync(store.Write("data.json", $"[{WithImage("a", "gone.png")}]")));

        Assert.Contains("None of the 1 records", error.Message);
        await using var db = store.Open();
        Assert.Equal(0, await db.Datasets.CountAsync());
    }

    [Fact]
    public async Task Import_LinkedFolderLeavingRoot_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        var outside = Directory.CreateDirectory(Path.Combine(store.Root, "secret")).FullName;
        File.WriteAllBytes(Path.Combine(outside, "s.png"), TestImages.Png());
        Directory.CreateSymbolicLink(Path.Combine(store.Files, "linkdir"), outside);

        var error = await RefusedAsync(store, WithImage("x", "linkdir/s.png"));

        Assert.Contains("escapes the image root through a link", error.Reason);
    }

    [Fact]
    public async Task Import_LinkedFolderInsideRoot_Accepted()
    {
        await using var store = await TestStore.CreateAsync();
        var inside = Directory.CreateDirectory(Path.Combine(store.Files, "real")).FullName;
        File.WriteAllBytes(Path.Combine(inside, "s.png"), TestImages.Png());
        Directory.CreateSymbolicLink(Path.Combine(store.Files, "alias"), inside);

        var report = await store.ImportAsync(store.Write("data.json", $"[{WithImage("x", "alias/s.png")}]"));

        Assert.Equal(1, report.Imported);
    }

    [Fact]
    public async Task Import_FolderNamedLikeAnImage_RefusedAsFolder()
    {
        await using var store = await TestStore.CreateAsync();
        Directory.CreateDirectory(Path.Combine(store.Files, "d.png"));
        var error = await RefusedAsync(store, WithImage("x", "d.png"));
        Assert.Contains("is a folder", error.Reason);
    }

    [Fact]
    public async Task Import_EmptyFile_RefusedAsEmpty()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("empty.png", []);
        var error = await RefusedAsync(store, WithImage("x", "empty.png"));
        Assert.Contains("the file is empty", error.Reason);
    }

    [Fact]
    public async Task Import_NamedPipeNamedLikeAnImage_RefusedWithoutBlocking()
    {
        await using var store = await TestStore.CreateAsync();
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(store.Files, "pipe.png")))
            await mkfifo.WaitForExitAsync();

        var import = RefusedAsync(store, WithImage("x", "pipe.png"));
        var finished = await Task.WhenAny(import, Task.Delay(TimeSpan.FromMinutes(2)));

        Assert.Same(import, finished);
        Assert.Contains("not a regular file", (await import).Reason);
    }

    [Fact]
    public async Task Import_TruncatedGif_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        var gif = TestImages.Gif();
        store.Write("whole.gif", gif);
        store.Write("cut.gif", gif[..(gif.Length - 20)]);

        var report = await store.ImportAsync(store.Write("data.json", $"[{WithImage("w", "whole.gif")}, {WithImage("c", "cut.gif")}]"));

        Assert.Equal(1, report.Imported);
        Assert.Contains("GIF file is truncated", report.Refused.Single().Reason);
    }

    [Fact]
    public async Task Import_DecodeOverAllocationLimit_RefusedWithReason()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("big.png", TestImages.Png(1200, 1000));

        var report = await store.ImportAsync(store.Write("data.json", $"[{Good}, {WithImage("b", "big.png")}]"),
            configure: o => o with { DecodePixels = true, Limits = new ImageLimits { AllocationLimitMegabytes = 1 } });

        Assert.Contains("needs more than the allowed 1 MB", report.Refused.Single().Reason);
    }

    [Fact]
    public void HardenedImaging_KnowsNoTiffAndIgnoresMetadata()
    {
        var configuration = HardenedImaging.Create(ImageLimits.Default);

        Assert.Equal(["BMP", "GIF", "JPEG", "PNG", "WEBP"], configuration.ImageFormats.Select(f => f.Name.ToUpperInvariant()).Order());
        foreach (var format in configuration.ImageFormats)
        {
            var decoder = configuration.ImageFormatsManager.FindDecoder(format);
            var ignore = decoder.GetType().GetProperty("IgnoreMetadata");
            if (ignore is not null)
                Assert.True((bool)ignore.GetValue(decoder)!, format.Name);
        }
    }

    [Fact]
    public async Task Import_ImageFolderWithTrailingSlash_SameDatasetRoot()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("data.json", $"[{Good}]");
        await store.ImportAsync(file, configure: o => o with { ImageRoot = store.Files + "/" });

        var again = await store.ImportAsync(store.Write("more.json", $"[{Good.Replace("good", "more")}]"), configure: o => o with { ImageRoot = store.Files });

        Assert.Equal(1, again.Imported);
    }

    [Fact]
    public async Task Import_ImageTokenInMMEvolItem_StrippedSoExportsHaveOneToken()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("a.png", TestImages.Png());
        await store.ImportAsync(store.Write("r.json", """
            [{"id": "r", "image": "a.png", "conversations_v0": [{"question": "<image>\nWhat?", "answer": "That."}]}]
            """));

        var exported = File.ReadAllText(await store.ExportAsync("test", Core.Export.ExportFormat.Llava));

        Assert.Equal(1, Conversation.CountTokens(exported));
    }

    [Fact]
    public async Task Import_CopyRolledBack_LeavesNoCopiedFiles()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("a.png", TestImages.Png());
        var file = store.Write("data.json", $"[{WithImage("a", "a.png")}, {{\"id\": \"cut\", \"conversations\": [");

        await Assert.ThrowsAsync<WorkbenchException>(() => store.ImportAsync(file, configure: o => o with { Copy = true }));

        Assert.False(Directory.Exists(store.Data.Images) && Directory.EnumerateFiles(store.Data.Images, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Import_CopyOfDuplicateOrRefusedRecord_NotMade()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("a.png", TestImages.Png(5, 5));
        store.Write("b.png", TestImages.Png(6, 6));
        var file = store.Write("data.json", $$"""[{{WithImage("a", "a.png")}}, {"id": "b", "image": "b.png", "conversations": []}]""");

        await store.ImportAsync(file, configure: o => o with { Copy = true });

        Assert.Single(Directory.EnumerateFiles(store.Data.Images, "*", SearchOption.AllDirectories));
    }
}
