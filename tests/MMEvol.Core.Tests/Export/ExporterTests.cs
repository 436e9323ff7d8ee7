using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Export;
using MMEvol.Core.Model;
using MMEvol.Core.Tests.Import;

namespace MMEvol.Core.Tests.Export;

public sealed class ExporterTests
{
    private static async Task<TestStore> StoreWithSamplesAsync()
    {
        var store = await TestStore.CreateAsync();
        store.Write("coco/train2017/000000215677.jpg", TestImages.Jpeg(32, 24));
        await store.ImportAsync(store.Write("llava.json", File.ReadAllText(ImporterTests.SharedSample("llava.json"))), "llava");
        var records = File.ReadAllText(ImporterTests.SharedSample("mmevol_records.json"))
            .Replace("\"conversations_v1\"", "\"direction_v1\": \"reasoning\", \"conversations_v1\"")
            .Replace("\"conversations_v2\"", "\"direction_v2\": \"interaction\", \"conversations_v2\"");
        await store.ImportAsync(store.Write("records.json", records), "mmevol");
        return store;
    }

    private static JsonArray Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsArray();

    [Fact]
    public async Task Export_Llava_KeepsIdsOmitsImageForTextOnlyAndPutsOneTokenFirst()
    {
        await using var store = await StoreWithSamplesAsync();

        var records = Read(await store.ExportAsync("llava", ExportFormat.Llava));

        Assert.Equal(["000000215677", "sharegpt_text_0001"], records.Select(r => (string)r!["id"]!));
        Assert.Equal("coco/train2017/000000215677.jpg", (string)records[0]!["image"]!);
        Assert.False(records[1]!.AsObject().ContainsKey("image"));
        var turns = records[0]!["conversations"]!.AsArray();
        Assert.Equal(["human", "gpt", "human", "gpt"], turns.Select(t => (string)t!["from"]!));
        Assert.Equal("<image>\nWhat is the dog holding in its mouth?", (string)turns[0]!["value"]!);
        Assert.Equal(1, turns.Sum(t => Core.Formats.Conversation.CountTokens((string)t!["value"]!)));
        Assert.DoesNotContain("<image>", records[1]!.ToJsonString());
    }

    [Fact]
    public async Task Export_SameStoreTwice_ByteIdenticalAndNoTemporaryLeft()
    {
        await using var store = await StoreWithSamplesAsync();

        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            var first = File.ReadAllBytes(await store.ExportAsync("mmevol", format, name: $"a-{format}.json"));
            var second = File.ReadAllBytes(await store.ExportAsync("mmevol", format, name: $"b-{format}.json"));
            Assert.Equal(first, second);
        }
        Assert.Empty(Directory.GetFiles(Path.Combine(store.Root, "out"), "*.tmp"));
    }

    [Fact]
    public async Task Export_TwoStoresFromSameFiles_ByteIdentical()
    {
        await using var a = await StoreWithSamplesAsync();
        await using var b = await StoreWithSamplesAsync();

        Assert.Equal(File.ReadAllBytes(await a.ExportAsync("mmevol", ExportFormat.MMEvol, ItemSelection.All)),
            File.ReadAllBytes(await b.ExportAsync("mmevol", ExportFormat.MMEvol, ItemSelection.All)));
    }

    [Fact]
    public async Task Export_LlavaThenImport_GivesBackTheSameItems()
    {
        await using var store = await StoreWithSamplesAsync();
        var exported = await store.ExportAsync("llava", ExportFormat.Llava);

        await store.ImportAsync(exported, "again", o => o with { ImageRoot = store.Files });

        Assert.Equal(File.ReadAllBytes(exported), File.ReadAllBytes(await store.ExportAsync("again", ExportFormat.Llava)));
        await using var db = store.Open();
        var original = await ItemsOf(db, "llava");
        Assert.Equal(original, await ItemsOf(db, "again"));
    }

    [Theory]
    [InlineData(ExportFormat.MMEvol, ItemSelection.All)]
    [InlineData(ExportFormat.MMEvol, ItemSelection.Kept)]
    [InlineData(ExportFormat.ShareGpt, ItemSelection.Kept)]
    [InlineData(ExportFormat.Jsonl, ItemSelection.Kept)]
    public async Task Export_ThenImport_GivesBackTheSameItems(ExportFormat format, ItemSelection selection)
    {
        await using var store = await StoreWithSamplesAsync();
        var exported = await store.ExportAsync("mmevol", format, selection);

        await store.ImportAsync(exported, "again", o => o with { ImageRoot = store.Files });

        await using var db = store.Open();
        var expected = await ItemsOf(db, "mmevol");
        if (format != ExportFormat.MMEvol)
        {
            // Training formats flatten every round into one conversation and render steps into answers.
            Assert.Equal(expected.Select(i => i.Question), (await ItemsOf(db, "again")).Select(i => i.Question));
            return;
        }
        Assert.Equal(expected, await ItemsOf(db, "again"));
        Assert.Equal(File.ReadAllBytes(exported), File.ReadAllBytes(await store.ExportAsync("again", format, selection)));
    }

    [Fact]
    public async Task Export_Selections_FollowFinalDecisions()
    {
        await using var store = await StoreWithSamplesAsync();
        await using (var db = store.Open())
        {
            var roundTwo = await db.Instructions.SingleAsync(i => i.RoundNumber == 2);
            roundTwo.OverrideWith(Decision.Eliminated);
            await db.SaveChangesAsync();
        }

        string[] Questions(string path) => Read(path).Single()!["conversations"]!.AsArray()
            .Where(t => (string)t!["from"]! == "human").Select(t => ((string)t!["value"]!).Replace("<image>\n", "")[..12]).ToArray();

        Assert.Equal(["What is the ", "Which part o"], Questions(await store.ExportAsync("mmevol", ExportFormat.Llava)));
        Assert.Equal(["Which part o"], Questions(await store.ExportAsync("mmevol", ExportFormat.Llava, latest: true)));
        Assert.Equal(["What is the ", "Which part o", "Which object"], Questions(await store.ExportAsync("mmevol", ExportFormat.Llava, ItemSelection.All)));
        Assert.Equal(["What is the "], Questions(await store.ExportAsync("mmevol", ExportFormat.Llava, ItemSelection.Seed)));

        var record = Read(await store.ExportAsync("mmevol", ExportFormat.MMEvol)).Single()!.AsObject();
        Assert.Empty(record["conversations_v2"]!.AsArray());
        Assert.Equal("interaction", (string)record["direction_v2"]!);
        Assert.False(record.ContainsKey("conversations_v3"));
        var all = Read(await store.ExportAsync("mmevol", ExportFormat.MMEvol, ItemSelection.All)).Single()!;
        Assert.Equal("eliminated", (string)all["conversations_v2"]![0]!["decision"]!);
    }

    [Fact]
    public async Task Export_MMEvolRecordWithNothingSelected_LeftOutAndReimportable()
    {
        await using var store = await StoreWithSamplesAsync();
        await using (var db = store.Open())
        {
            var textOnly = await db.Records.SingleAsync(r => r.SourceId == "sharegpt_text_0001");
            foreach (var item in await db.Instructions.Where(i => i.RecordId == textOnly.Id).ToListAsync())
                item.OverrideWith(Decision.Eliminated);
            await db.SaveChangesAsync();
        }

        var path = await store.ExportAsync("llava", ExportFormat.MMEvol);
        var report = await store.ImportAsync(path, "again", o => o with { ImageRoot = store.Files });

        Assert.Equal(["000000215677"], Read(path).Select(r => (string)r!["id"]!));
        Assert.Equal((1, 0), (report.Imported, report.Refused.Count));
    }

    [Fact]
    public async Task Export_AbsolutePaths_PointAtTheFileOrItsCopy()
    {
        await using var store = await TestStore.CreateAsync();
        store.Write("img/a.png", TestImages.Png());
        var file = store.Write("a.json", """[{"id": "a", "image": "img/a.png", "conversations": [{"from": "human", "value": "<image>\nQ?"}, {"from": "gpt", "value": "A."}]}]""");
        await store.ImportAsync(file, "plain");
        await store.ImportAsync(file, "copied", o => o with { Copy = true });

        var plain = (string)Read(await store.ExportAsync("plain", ExportFormat.Llava, absolute: true))[0]!["image"]!;
        var copied = (string)Read(await store.ExportAsync("copied", ExportFormat.Llava, absolute: true))[0]!["image"]!;

        Assert.Equal(Path.Combine(store.Files, "img", "a.png"), plain);
        Assert.StartsWith(store.Data.Images, copied);
        Assert.Equal(File.ReadAllBytes(plain), File.ReadAllBytes(copied));
    }

    [Fact]
    public async Task Export_Llava_RendersReasoningStepsIntoTheAnswer()
    {
        await using var store = await StoreWithSamplesAsync();

        var turns = Read(await store.ExportAsync("mmevol", ExportFormat.Llava)).Single()!["conversations"]!.AsArray();

        Assert.StartsWith("Step 1 (Grounding_1(dog)->bbx_1): Locate the dog", (string)turns[3]!["value"]!);
        Assert.Contains("Step 3: Compare the vertical", (string)turns[3]!["value"]!);
        Assert.EndsWith("Answer: The lower rim of the frisbee is closest to the front paws; the frisbee is held below the dog's eyes.", (string)turns[3]!["value"]!);
    }

    [Fact]
    public async Task Export_ShareGpt_WritesMessagesAndMergesDatasetInfo()
    {
        await using var store = await StoreWithSamplesAsync();
        var info = Path.Combine(store.Root, "out", "dataset_info.json");
        Directory.CreateDirectory(Path.GetDirectoryName(info)!);
        File.WriteAllText(info, """{"someone_else": {"file_name": "x.json"}}""");

        var path = await store.ExportAsync("llava", ExportFormat.ShareGpt, name: "kept_sharegpt.json");

        var record = Read(path)[0]!;
        Assert.Equal("<image>What is the dog holding in its mouth?", (string)record["messages"]![0]!["content"]!);
        Assert.Equal(["user", "assistant", "user", "assistant"], record["messages"]!.AsArray().Select(m => (string)m!["role"]!));
        Assert.Equal("coco/train2017/000000215677.jpg", (string)record["images"]![0]!);
        Assert.False(Read(path)[1]!.AsObject().ContainsKey("images"));
        var entries = JsonNode.Parse(File.ReadAllText(info))!.AsObject();
        Assert.Equal("x.json", (string)entries["someone_else"]!["file_name"]!);
        Assert.Equal("kept_sharegpt.json", (string)entries["mmevol_llava"]!["file_name"]!);
        Assert.Equal("sharegpt", (string)entries["mmevol_llava"]!["formatting"]!);
    }

    [Fact]
    public async Task Export_Jsonl_OneRecordPerLine()
    {
        await using var store = await StoreWithSamplesAsync();

        var lines = File.ReadAllLines(await store.ExportAsync("llava", ExportFormat.Jsonl));

        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));
    }

    [Fact]
    public async Task Export_UnknownDataset_ThrowsAndLeavesExistingFile()
    {
        await using var store = await StoreWithSamplesAsync();
        var path = await store.ExportAsync("llava", ExportFormat.Llava, name: "keep.json");
        var before = File.ReadAllBytes(path);

        await Assert.ThrowsAsync<WorkbenchException>(() => store.ExportAsync("nope", ExportFormat.Llava, name: "keep.json"));

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    private static async Task<List<(string Question, string Answer, string Steps, string Objects, string Skills, string Format, string Position)>> ItemsOf(Core.Data.WorkbenchDb db, string dataset) =>
        (await db.Instructions.Where(i => i.DatasetId == db.Datasets.Single(d => d.Name == dataset).Id)
            .OrderBy(i => i.RecordId).ThenBy(i => i.RoundNumber).ThenBy(i => i.Index).ToListAsync())
        .Select(i => (i.Question, i.Answer, JsonSerializer.Serialize(i.Steps), string.Join("|", i.Objects), string.Join("|", i.Skills), i.Format, i.ImagePosition))
        .ToList();
}
