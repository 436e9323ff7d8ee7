using System.Text;
using MMEvol.Core.Demo;

namespace MMEvol.Core.Tests.Demo;

public sealed class BenchmarkJsonTests
{
    private static readonly IReadOnlyList<BenchmarkItem> Sample =
    [
        new("bench_000001_q01", "bench_000001.png", BenchmarkCategories.Existence, PopeSamplings.Popular,
            "Is there a red circle in the image?", "no", null),
        new("bench_000001_q02", "bench_000001.png", BenchmarkCategories.MultipleChoice, null,
            "What color is the \"square\"?", "C", ["red", "blue", "green", "black"]),
    ];

    [Fact]
    public void Deserialize_SerializedItems_RoundTrips()
    {
        var read = BenchmarkJson.Deserialize(BenchmarkJson.Serialize(Sample));

        Assert.Equal(Sample.Count, read.Count);
        for (var i = 0; i < Sample.Count; i++)
        {
            Assert.Equal(Sample[i] with { Choices = null }, read[i] with { Choices = null });
            Assert.Equal(Sample[i].Choices, read[i].Choices);
        }
    }

    [Fact]
    public void Serialize_Items_StablePropertyOrderAndUnixLineEnds()
    {
        var text = Encoding.UTF8.GetString(BenchmarkJson.Serialize(Sample));

        Assert.StartsWith("[\n  {\n    \"id\": \"bench_000001_q01\",\n    \"image\": \"bench_000001.png\",\n    \"category\": \"existence\",\n    \"sampling\": \"popular\",\n    \"question\":", text);
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("]\n", text);
        Assert.Equal(BenchmarkJson.Serialize(Sample), BenchmarkJson.Serialize(Sample.ToList()));
    }

    [Fact]
    public void ReadFile_WrittenFile_ReturnsTheItemsAndLeavesNoTemporaryFile()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, BenchmarkJson.FileName);

        BenchmarkJson.WriteFile(path, Sample);
        BenchmarkJson.WriteFile(path, Sample);

        Assert.Equal(Sample.Select(i => i.Id), BenchmarkJson.ReadFile(path).Select(i => i.Id));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Deserialize_ItemWithoutAnswer_ThrowsNamingItemAndField()
    {
        var json = "[{\"id\":\"a\",\"image\":\"b.png\",\"category\":\"color\",\"question\":\"q\"}]"u8.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => BenchmarkJson.Deserialize(json));

        Assert.Contains("item 0", error.Message);
        Assert.Contains("'answer'", error.Message);
    }

    [Fact]
    public void Deserialize_NotAnArray_Throws()
    {
        Assert.Throws<InvalidDataException>(() => BenchmarkJson.Deserialize("{\"items\": []}"u8.ToArray()));
        Assert.Throws<InvalidDataException>(() => BenchmarkJson.Deserialize("[1,"u8.ToArray()));
    }

    [Fact]
    public void Prompt_MultipleChoice_ListsLetteredOptions()
    {
        Assert.Equal("What color is the \"square\"?\nA. red\nB. blue\nC. green\nD. black", Sample[1].Prompt());
        Assert.Equal(Sample[0].Question, Sample[0].Prompt());
    }
}
