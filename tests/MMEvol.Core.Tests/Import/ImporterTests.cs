using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Import;

public sealed class ImporterTests
{
    private static string Llava(string id, string? image, params (string Q, string A)[] turns)
    {
        var conversation = string.Join(", ", turns.Select((t, i) =>
            $$"""{"from": "human", "value": {{Json(i == 0 && image is not null ? "<image>\n" + t.Q : t.Q)}}}, {"from": "gpt", "value": {{Json(t.A)}}}"""));
        var imageField = image is null ? "" : $"\"image\": {Json(image)}, ";
        return $$"""{"id": {{Json(id)}}, {{imageField}}"conversations": [{{conversation}}]}""";
    }

    private static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    [Fact]
    public async Task Import_LlavaArray_StoresRecordsRoundsAndSeedItemsKept()
    {
        await using var store = await TestStore.CreateAsync();
        var png = TestImages.Png(20, 10);
        store.Write("img/a.png", png);
        var file = store.Write("data.json", $"[{Llava("a", "img/a.png", ("What is it?", "A square."), ("Color?", "Blue."))}, {Llava("t", null, ("Say hi.", "Hi."))}]");

        var report = await store.ImportAsync(file);

        Assert.Equal((2, 2, 3, 1, "llava"), (report.Records, report.Imported, report.Items, report.Images, report.Format));
        await using var db = store.Open();
        var record = await db.Records.SingleAsync(r => r.SourceId == "a");
        Assert.Equal(("img/a.png", 20, 10), (record.ImagePath, record.Width, record.Height));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), record.Sha256);
        var items = await db.Instructions.Where(i => i.RecordId == record.Id).OrderBy(i => i.Index).ToListAsync();
        Assert.Equal(["What is it?", "Color?"], items.Select(i => i.Question));
        Assert.All(items, i => Assert.Equal((0, Direction.Seed, Decision.Kept, ReviewState.Unreviewed, InstructionFormats.Norm),
            (i.RoundNumber, i.Direction, i.FinalDecision, i.ReviewState, i.Format)));
        var textOnly = await db.Records.SingleAsync(r => r.SourceId == "t");
        Assert.Null(textOnly.ImagePath);
        Assert.Equal(1, await db.Instructions.CountAsync(i => i.RecordId == textOnly.Id));
        var dataset = await db.Datasets.Include(d => d.Policies).SingleAsync();
        Assert.Equal(store.Files, dataset.ImageRoot);
        Assert.True(Assert.Single(dataset.Policies).RequireImproved);
    }

    [Fact]
    public async Task Import_Jsonl_ReadsOneRecordPerLine()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("data.jsonl", Llava("1", null, ("A?", "B.")) + "\n\n" + Llava("2", null, ("C?", "D.")) + "\n");

        var report = await store.ImportAsync(file);

        Assert.Equal((2, 2), (report.Records, report.Imported));
    }

    [Fact]
    public async Task Import_HtmlInText_StoredVerbatim()
    {
        await using var store = await TestStore.CreateAsync();
        const string question = "<script>alert('x')</script> What is <b>this</b>? &amp; \u00e9";
        var file = store.Write("data.json", $"[{Llava("h", null, (question, "<img src=x onerror=alert(1)>"))}]");

        await store.ImportAsync(file);

        await using var db = store.Open();
        var item = await db.Instructions.SingleAsync();
        Assert.Equal((question, "<img src=x onerror=alert(1)>"), (item.Question, item.Answer));
    }

    [Fact]
    public async Task Import_SharedIdsAndExactDuplicates_DistinctByIndexDuplicateLandsOnce()
    {
        await using var store = await TestStore.CreateAsync();
        var first = Llava("same", null, ("A?", "B."));
        var other = Llava("same", null, ("A?", "Another answer."));
        var file = store.Write("data.json", $"[{first}, {other}, {first}]");

        var report = await store.ImportAsync(file);

        Assert.Equal(2, report.Imported);
        var duplicate = Assert.Single(report.Duplicates);
        Assert.Equal((2, "same", "record 0"), (duplicate.Index, duplicate.Id, duplicate.DuplicateOf));
        await using var db = store.Open();
        Assert.Equal([0, 1], await db.Records.OrderBy(r => r.Id).Select(r => r.SourceIndex).ToListAsync());
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondAddsNothing()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("a.png", TestImages.Png());
        var file = store.Write("data.json", $"[{Llava("a", "a.png", ("A?", "B."))}, {Llava("b", null, ("C?", "D."))}]");

        await store.ImportAsync(file);
        var again = await store.ImportAsync(file);

        Assert.Equal(0, again.Imported);
        Assert.All(again.Duplicates, d => Assert.Equal("already in the dataset", d.DuplicateOf));
        await using var db = store.Open();
        Assert.Equal((2, 2), (await db.Records.CountAsync(), await db.Instructions.CountAsync()));
    }

    [Fact]
    public async Task Import_ShareGpt_DetectedAndImported()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("coco/x.jpg", TestImages.Jpeg());
        var file = store.Write("data.json", """
            [{"messages": [{"role": "user", "content": "<image>What is held?"}, {"role": "assistant", "content": "A frisbee."},
                           {"role": "user", "content": "Where?"}, {"role": "assistant", "content": "In the mouth."}],
              "images": ["coco/x.jpg"]}]
            """);

        var report = await store.ImportAsync(file);

        Assert.Equal(("sharegpt", 1, 2), (report.Format, report.Imported, report.Items));
        await using var db = store.Open();
        var record = await db.Records.SingleAsync();
        Assert.Equal(("coco/x.jpg", null, 0), (record.ImagePath, record.SourceId, record.SourceIndex));
        Assert.Equal("What is held?", (await db.Instructions.OrderBy(i => i.Index).FirstAsync()).Question);
    }

    [Fact]
    public async Task Import_MMEvolRecords_RebuildsLineageWithDirectionsAndScores()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("coco/train2017/000000215677.jpg", TestImages.Jpeg(32, 24));
        var sample = File.ReadAllText(SharedSample("mmevol_records.json"))
            .Replace("\"conversations_v1\"", "\"direction_v1\": \"reasoning\", \"conversations_v1\"");
        var file = store.Write("records.json", sample);

        var report = await store.ImportAsync(file);

        Assert.Equal(("mmevol", 1, 3, 3), (report.Format, report.Imported, report.Rounds, report.Items));
        await using var db = store.Open();
        var record = await db.Records.SingleAsync();
        Assert.Equal("0_coco_train2017_000000215677.jpg", record.HashId);
        Assert.StartsWith("A brown dog", record.Caption);
        Assert.Equal("<image>\nDescribe the image in detail.", record.CaptionPrompt);
        Assert.Equal([new Detection("dog", 0.312, 0.405, 0.688, 0.921), new Detection("frisbee", 0.452, 0.498, 0.566, 0.571)], record.Detections);

        var rounds = await db.Rounds.Where(r => r.RecordId == record.Id).OrderBy(r => r.Number).ToListAsync();
        var items = await db.Instructions.Where(i => i.RecordId == record.Id).OrderBy(i => i.RoundNumber).ToListAsync();
        Assert.Equal([Direction.Seed, Direction.Reasoning, Direction.Unknown], rounds.Select(r => r.Direction));
        Assert.Equal([null, rounds[0].Id, rounds[1].Id], rounds.Select(r => r.ParentRoundId));
        Assert.Equal([items[0].Id], rounds[1].ParentItemIds);
        Assert.Equal([null, items[0].Id, items[1].Id], items.Select(i => i.ParentItemId));
        Assert.Equal([null, 7.0, 6.0], items.Select(i => i.JudgeScore));
        Assert.All(items, i => Assert.Equal(Decision.Kept, i.FinalDecision));
        Assert.Equal((3, 2, 2, true, true), (items[1].Metrics.Steps, items[1].Metrics.Objects, items[1].Metrics.Skills, items[1].Metrics.Grounded, items[2].Metrics.FormatChanged));
        Assert.Equal("Grounding_1(dog)->bbx_1", items[1].Steps[0].Manipulation);
    }

    [Fact]
    public async Task Import_MMEvolRoundThatKeptNothing_NextRoundFallsBackToOlderParent()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("records.json", """
            [{"id": "r", "conversations_v0": [{"question": "Q0?", "answer": "A0."}],
              "conversations_v1": [{"question": "Q1?", "answer": "A1.", "decision": "eliminated", "improved": "no", "score": 2}],
              "conversations_v2": [{"question": "Q2?", "answers": ["A2", "more"]}]}]
            """);

        await store.ImportAsync(file);

        await using var db = store.Open();
        var rounds = await db.Rounds.OrderBy(r => r.Number).ToListAsync();
        var items = await db.Instructions.OrderBy(i => i.RoundNumber).ToListAsync();
        Assert.Equal(rounds[0].Id, rounds[2].ParentRoundId);
        Assert.Equal(items[0].Id, items[2].ParentItemId);
        Assert.Equal((Decision.Eliminated, false), (items[1].FinalDecision, items[1].Improved));
        Assert.Equal("A2\nmore", items[2].Answer);
    }

    [Fact]
    public async Task Import_MMEvolGapInRounds_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("records.json", """
            [{"id": "ok", "conversations_v0": [{"question": "Q?", "answer": "A."}]},
             {"id": "r", "conversations_v0": [{"question": "Q?", "answer": "A."}], "conversations_v2": []}]
            """);

        var report = await store.ImportAsync(file);

        Assert.Equal(("conversations_v2", "round 2 without round 1"), (report.Refused.Single().Field, report.Refused.Single().Reason));
    }

    [Fact]
    public async Task Import_MMEvolBadDetection_Refused()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("records.json", """
            [{"id": "ok", "conversations_v0": [{"question": "Q?", "answer": "A."}]},
             {"id": "r", "det": [{"label": "cat", "bbox": [10, 20, 30, 40]}], "conversations_v0": [{"question": "Q?", "answer": "A."}]}]
            """);

        var report = await store.ImportAsync(file);

        Assert.Equal(("det[0].bbox", "coordinates must be normalized to 0..1"), (report.Refused.Single().Field, report.Refused.Single().Reason));
    }

    [Fact]
    public async Task Import_Copy_StoresContentAddressedImage()
    {
        await using var store = await TestStore.CreateAsync();
        var png = TestImages.Png(12, 12);
        store.Write("deep/one.png", png);
        store.Write("other/two.png", png);
        var file = store.Write("data.json", $"[{Llava("1", "deep/one.png", ("A?", "B."))}, {Llava("2", "other/two.png", ("C?", "D."))}]");

        await store.ImportAsync(file, configure: o => o with { Copy = true });

        await using var db = store.Open();
        var stored = await db.Records.Select(r => r.StoredPath).Distinct().ToListAsync();
        var path = Assert.Single(stored)!;
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png));
        Assert.Equal($"{sha[..2]}/{sha}.png", path);
        Assert.Equal(png, File.ReadAllBytes(Path.Combine(store.Data.Images, path)));
    }

    [Fact]
    public async Task Import_FormatNamedButRecordsOfAnother_RefusedPerRecord()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("data.json", """
            [{"messages": [{"role": "user", "content": "A?"}, {"role": "assistant", "content": "B."}]}, {"id": "1", "conversations": []}]
            """);

        var report = await store.ImportAsync(file, configure: o => o with { Format = Core.Formats.SourceFormat.ShareGpt });

        Assert.Equal(("messages", "missing", 1), (report.Refused.Single().Field, report.Refused.Single().Reason, report.Imported));
    }

    [Fact]
    public async Task Import_DatasetWithOtherImageRoot_ThrowsAndKeepsStore()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("data.json", $"[{Llava("1", null, ("A?", "B."))}]");
        await store.ImportAsync(file);
        var elsewhere = Directory.CreateDirectory(Path.Combine(store.Root, "elsewhere")).FullName;

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => store.ImportAsync(file, configure: o => o with { ImageRoot = elsewhere }));

        Assert.Contains("import it into a new dataset, or with the same image folder", error.Message);
    }

    [Fact]
    public async Task Import_EmptyArray_Throws()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("data.json", "[]");

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => store.ImportAsync(file));

        Assert.Contains("holds no records", error.Message);
    }

    internal static string SharedSample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);
}
