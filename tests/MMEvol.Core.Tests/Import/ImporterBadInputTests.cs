using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Formats;

namespace MMEvol.Core.Tests.Import;

/// <summary>Each bad input of issue 2 point 4: refused with its record, field and reason; the rest lands.</summary>
public sealed class ImporterBadInputTests
{
    private const string Good = """{"id": "good", "image": "ok.png", "conversations": [{"from": "human", "value": "<image>\nWhat is it?"}, {"from": "gpt", "value": "A square."}]}""";

    private static string Record(string id, string image, string question = "<image>\nWhat is it?") =>
        $$"""{"id": "{{id}}", "image": "{{image}}", "conversations": [{"from": "human", "value": {{System.Text.Json.JsonSerializer.Serialize(question)}}}, {"from": "gpt", "value": "An answer."}]}""";

    private static async Task<RecordError> ImportOneBadAsync(TestStore store, string badRecord)
    {
        store.Write("ok.png", TestImages.Png());
        var file = store.Write("data.json", $"[{Good}, {badRecord}]");
        var report = await store.ImportAsync(file);
        Assert.Equal(1, report.Imported);
        var error = Assert.Single(report.Refused);
        Assert.Equal(1, error.Index);
        await using var db = store.Open();
        Assert.Equal(["good"], await db.Records.Select(r => r.SourceId).ToListAsync());
        return error;
    }

    [Fact]
    public async Task Import_InvalidJson_ThrowsAndWritesNothing()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("ok.png", TestImages.Png());
        var file = store.Write("data.json", $"[{Good}, {Good.Replace("good", "second")}, {{\"id\": \"broken\", \"conversations\": [}}");

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => store.ImportAsync(file));

        Assert.Contains("not valid JSON", error.Message);
        await using var db = store.Open();
        Assert.Equal(0, await db.Records.CountAsync());
        Assert.Equal(0, await db.Datasets.CountAsync());
    }

    [Fact]
    public async Task Import_InvalidJsonAfterSeveralWrittenBatches_LeavesTheStoreAsItWas()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("ok.png", TestImages.Png());
        await store.ImportAsync(store.Write("first.json", $"[{Good}]"));
        var many = string.Join(",\n", Enumerable.Range(0, 5000).Select(i => Record($"r{i}", "ok.png")));
        var file = store.Write("data.json", $"[{many},\n{{\"id\": \"cut\", \"conversations\": [{{\"from\": ");

        await Assert.ThrowsAsync<WorkbenchException>(() => store.ImportAsync(file));

        await using var db = store.Open();
        Assert.Equal(["good"], await db.Records.Select(r => r.SourceId).ToListAsync());
        Assert.Equal(1, await db.Instructions.CountAsync());
    }

    [Fact]
    public async Task Import_InvalidJsonLine_ThrowsNamingTheLine()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("ok.png", TestImages.Png());
        var file = store.Write("data.jsonl", Good + "\n" + "{\"id\": oops}\n");

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => store.ImportAsync(file));

        Assert.Contains("line 2", error.Message);
        await using var db = store.Open();
        Assert.Equal(0, await db.Instructions.CountAsync());
    }

    [Fact]
    public async Task Import_MissingConversations_RefusedWithField()
    {
        await using var store = await TestStore.CreateAsync();
        var error = await ImportOneBadAsync(store, """{"id": "x", "image": "ok.png"}""");
        Assert.Equal(("x", "conversations", "missing"), (error.Id, error.Field, error.Reason));
    }

    [Fact]
    public async Task Import_MissingId_RefusedWithField()
    {
        await using var store = await TestStore.CreateAsync();
        var error = await ImportOneBadAsync(store, """{"conversations": [{"from": "human", "value": "Hi?"}, {"from": "gpt", "value": "Hello."}]}""");
        Assert.Equal(("id", "missing"), (error.Field, error.Reason));
    }

    [Fact]
    public async Task Import_EmptyConversations_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        var error = await ImportOneBadAsync(store, """{"id": "x", "conversations": []}""");
        Assert.Equal("conversations", error.Field);
        Assert.Contains("empty", error.Reason);
    }

    [Fact]
    public async Task Import_TurnsThatDoNotAlternate_RefusedAtTheTurn()
    {
        await using var store = await TestStore.CreateAsync();
        var error = await ImportOneBadAsync(store,
            """{"id": "x", "conversations": [{"from": "human", "value": "A?"}, {"from": "human", "value": "B?"}, {"from": "gpt", "value": "C."}]}""");
        Assert.Equal("conversations[1]", error.Field);
        Assert.Contains("alternate", error.Reason);
    }

    [Fact]
    public async Task Import_UnansweredLastQuestion_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        var error = await ImportOneBadAsync(store,
            """{"id": "x", "conversations": [{"from": "human", "value": "A?"}, {"from": "gpt", "value": "B."}, {"from": "human", "value": "C?"}]}""");
        Assert.Equal("conversations[2]", error.Field);
        Assert.Contains("no answer", error.Reason);
    }

    [Fact]
    public async Task Import_MissingImageFile_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        var error = await ImportOneBadAsync(store, Record("x", "nowhere/missing.png"));
        Assert.Equal("image", error.Field);
        Assert.Contains("file not found", error.Reason);
    }

    [Fact]
    public async Task Import_TruncatedPng_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("cut.png", TestImages.Truncated(TestImages.Png(64, 64)));
        var error = await ImportOneBadAsync(store, Record("x", "cut.png"));
        Assert.Equal("image", error.Field);
        Assert.Contains("truncated", error.Reason);
    }

    [Fact]
    public async Task Import_TruncatedJpeg_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("cut.jpg", TestImages.Truncated(TestImages.Jpeg(64, 64)));
        var error = await ImportOneBadAsync(store, Record("x", "cut.jpg"));
        Assert.Contains("truncated", error.Reason);
    }

    [Fact]
    public async Task Import_CorruptPngHeader_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        var png = TestImages.Png(16, 16);
        png[20] ^= 0xFF; // inside IHDR: the chunk's checksum no longer matches
        store.Write("corrupt.png", png);
        var error = await ImportOneBadAsync(store, Record("x", "corrupt.png"));
        Assert.Equal("image", error.Field);
        Assert.Contains("corrupt", error.Reason);
    }

    [Fact]
    public async Task Import_NonImageWithImageExtension_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("fake.jpg", TestImages.NotAnImage());
        var error = await ImportOneBadAsync(store, Record("x", "fake.jpg"));
        Assert.Contains("not an image", error.Reason);
    }

    [Fact]
    public async Task Import_Tiff_RefusedAsUnsupported()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("scan.tif", TestImages.Tiff());
        var error = await ImportOneBadAsync(store, Record("x", "scan.tif"));
        Assert.Contains("TIFF images are not supported", error.Reason);
    }

    [Fact]
    public async Task Import_HeaderClaimingHugeSize_RefusedFromHeader()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("bomb.png", TestImages.PngClaiming(100_000, 100_000));
        var error = await ImportOneBadAsync(store, Record("x", "bomb.png"));
        Assert.Contains("100000x100000", error.Reason);
        Assert.Contains("over the limit", error.Reason);
    }

    [Theory]
    [InlineData("../outside.png")]
    [InlineData("sub/../../outside.png")]
    [InlineData("/etc/passwd")]
    public async Task Import_PathEscapingRoot_Refused(string path)
    {
        await using var store = await TestStore.CreateAsync();
        File.WriteAllBytes(Path.Combine(store.Root, "outside.png"), TestImages.Png());
        var error = await ImportOneBadAsync(store, Record("x", path));
        Assert.Equal("image", error.Field);
        Assert.Matches("escapes the image root|absolute path", error.Reason);
    }

    [Fact]
    public async Task Import_SymlinkLeavingRoot_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        var outside = Path.Combine(store.Root, "outside.png");
        File.WriteAllBytes(outside, TestImages.Png());
        File.CreateSymbolicLink(Path.Combine(store.Files, "link.png"), outside);
        var error = await ImportOneBadAsync(store, Record("x", "link.png"));
        Assert.Contains("escapes the image root", error.Reason);
    }

    [Theory]
    [InlineData("What is it?", "0 <image> token(s) for 1 image(s)")]
    [InlineData("<image>\n<image>\nWhat is it?", "2 <image> token(s) for 1 image(s)")]
    public async Task Import_ImageTokensNotMatchingImages_Refused(string question, string reason)
    {
        await using var store = await TestStore.CreateAsync();
        var error = await ImportOneBadAsync(store, Record("x", "ok.png", question));
        Assert.Equal(("conversations", reason), (error.Field, error.Reason));
    }

    [Fact]
    public async Task Import_ImageTokenWithoutImage_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        var error = await ImportOneBadAsync(store,
            """{"id": "x", "conversations": [{"from": "human", "value": "<image>\nWhat?"}, {"from": "gpt", "value": "B."}]}""");
        Assert.Equal("1 <image> token(s) for 0 image(s)", error.Reason);
    }

    [Fact]
    public async Task Import_SeveralImages_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        var error = await ImportOneBadAsync(store,
            """{"id": "x", "image": ["ok.png", "ok.png"], "conversations": [{"from": "human", "value": "<image>\n<image>\nSame?"}, {"from": "gpt", "value": "Yes."}]}""");
        Assert.Equal("image", error.Field);
        Assert.Contains("several images are not supported", error.Reason);
    }

    [Fact]
    public async Task Import_ShareGptWithSeveralImages_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("ok.png", TestImages.Png());
        var file = store.Write("data.json", """
            [{"messages": [{"role": "user", "content": "<image>A?"}, {"role": "assistant", "content": "B."}], "images": ["ok.png"]},
             {"messages": [{"role": "user", "content": "<image><image>A?"}, {"role": "assistant", "content": "B."}], "images": ["ok.png", "ok.png"]}]
            """);
        var report = await store.ImportAsync(file);
        Assert.Equal(1, report.Imported);
        Assert.Equal(("images", 1), (report.Refused.Single().Field, report.Refused.Single().Index));
    }

    [Fact]
    public async Task Import_Strict_RefusesWholeFileOnOneBadRecord()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("ok.png", TestImages.Png());
        var file = store.Write("data.json", $"[{Good}, {Record("x", "missing.png")}]");

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => store.ImportAsync(file, configure: o => o with { Strict = true }));

        Assert.Contains("--strict", error.Message);
        await using var db = store.Open();
        Assert.Equal(0, await db.Records.CountAsync());
    }

    [Fact]
    public async Task Import_DecodePixels_RefusesCorruptPixelData()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("pixels.png", TestImages.PngWithCorruptPixels(64, 64));
        store.Write("ok.png", TestImages.Png());
        var file = store.Write("data.json", $"[{Good}, {Record("x", "pixels.png")}]");

        var headerOnly = await store.ImportAsync(file, "headers");
        var decoded = await store.ImportAsync(file, "pixels", o => o with { DecodePixels = true });

        Assert.Equal(2, headerOnly.Imported);
        Assert.Equal(1, decoded.Imported);
        Assert.Contains("corrupt PNG data", decoded.Refused.Single().Reason);
    }
}
