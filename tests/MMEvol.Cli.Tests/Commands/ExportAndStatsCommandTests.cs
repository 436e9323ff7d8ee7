using System.Text.Json;

namespace MMEvol.Cli.Tests.Commands;

public sealed class ExportAndStatsCommandTests
{
    private static async Task<CliRun> ImportedAsync()
    {
        var cli = new CliRun();
        var file = cli.Write("seed.jsonl", """
            {"id": "1", "conversations": [{"from": "human", "value": "Q1?"}, {"from": "gpt", "value": "A1."}, {"from": "human", "value": "Q2?"}, {"from": "gpt", "value": "A2."}]}
            {"id": "2", "conversations": [{"from": "human", "value": "Q3?"}, {"from": "gpt", "value": "A3."}]}
            """);
        var (code, output) = await cli.RunAsync("import", file, "--dataset", "seed");
        Assert.True(code == 0, output);
        return cli;
    }

    [Fact]
    public async Task Export_Llava_WritesTheFileAndSaysWhat()
    {
        using var cli = await ImportedAsync();
        var output = Path.Combine(cli.Root, "out", "kept.json");

        var (code, text) = await cli.RunAsync("export", "--dataset", "seed", "--format", "llava", "--out", output);

        Assert.Equal(0, code);
        Assert.Contains("Wrote 2 records with 3 items", text);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(2, json.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("llava", "kept", false)]
    [InlineData("llava", "seed", true)]
    [InlineData("sharegpt", "all", false)]
    [InlineData("jsonl", "kept", true)]
    [InlineData("mmevol", "all", false)]
    public async Task Export_EveryFormatAndSelection_WritesReadableJson(string format, string decision, bool latest)
    {
        using var cli = await ImportedAsync();
        var output = Path.Combine(cli.Root, "out", $"x.{format}");
        string[] args = ["export", "--dataset", "seed", "--format", format, "--decision", decision, "--out", output];

        var (code, text) = await cli.RunAsync(latest ? [.. args, "--latest"] : args);

        Assert.True(code == 0, text);
        var lines = format == "jsonl" ? File.ReadAllLines(output) : [File.ReadAllText(output)];
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        if (format == "sharegpt")
            Assert.True(File.Exists(Path.Combine(cli.Root, "out", "dataset_info.json")));
    }

    [Fact]
    public async Task Import_CopyAndNamedFormat_CopiesImagesIntoTheDataDirectory()
    {
        using var cli = new CliRun();
        var image = Path.Combine(cli.Root, "img", "a.png");
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);
        using (var png = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(4, 4))
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(png, image);
        var file = cli.Write("seed.json", """
            [{"messages": [{"role": "user", "content": "<image>Q?"}, {"role": "assistant", "content": "A."}], "images": ["img/a.png"]}]
            """);

        var (code, text) = await cli.RunAsync("import", file, "--format", "sharegpt", "--copy");

        Assert.True(code == 0, text);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(cli.DataDir, "images"), "*.png", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Export_WithoutFormat_ExitsNonZero()
    {
        using var cli = await ImportedAsync();

        var (code, text) = await cli.RunAsync("export", "--dataset", "seed", "--out", Path.Combine(cli.Root, "x.json"));

        Assert.NotEqual(0, code);
        Assert.Contains("--format is required", text);
    }

    [Fact]
    public async Task Export_UnknownDataset_ExitsNonZero()
    {
        using var cli = await ImportedAsync();

        var (code, text) = await cli.RunAsync("export", "--dataset", "nope", "--format", "jsonl", "--out", Path.Combine(cli.Root, "x.jsonl"));

        Assert.Equal(1, code);
        Assert.Contains("No dataset named 'nope'", text);
    }

    [Fact]
    public async Task Stats_Json_GivesPerRoundFigures()
    {
        using var cli = await ImportedAsync();

        var (code, text) = await cli.RunAsync("stats", "--dataset", "seed", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(text);
        var round = json.RootElement.GetProperty("rounds").EnumerateArray().Single();
        Assert.Equal(("seed", 2, 3, 3), (round.GetProperty("direction").GetString(), round.GetProperty("records").GetInt32(),
            round.GetProperty("items").GetInt32(), round.GetProperty("kept").GetInt32()));
    }

    [Fact]
    public async Task Stats_Table_ShowsTheDataset()
    {
        using var cli = await ImportedAsync();

        var (code, text) = await cli.RunAsync("stats", "--dataset", "seed");

        Assert.Equal(0, code);
        Assert.Contains("seed: 2 records (0 with an image), 3 items, 3 kept", text);
    }
}
