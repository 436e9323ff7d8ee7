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
