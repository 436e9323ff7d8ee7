using System.Text.Json;
using MMEvol.Cli.Commands;

namespace MMEvol.Cli.Tests.Commands;

public sealed class ImportCommandTests
{
    private const string TwoRecords = """
        [{"id": "ok", "conversations": [{"from": "human", "value": "Q?"}, {"from": "gpt", "value": "A."}]},
         {"id": "bad", "image": "gone.png", "conversations": [{"from": "human", "value": "<image>\nQ?"}, {"from": "gpt", "value": "A."}]}]
        """;

    [Fact]
    public async Task Import_WithRefusedRecord_SummaryAndReportNameIt()
    {
        using var cli = new CliRun();
        var file = cli.Write("in/seed.json", TwoRecords);
        var reportFile = Path.Combine(cli.Root, "report.json");

        var (code, output) = await cli.RunAsync("import", file, "--report", reportFile);

        Assert.Equal(ImportCommand.SomeRefused, code);
        Assert.Contains("1 record(s) refused; the other 1 landed", output);
        Assert.Contains("refused record 1 (id bad): image: file not found: gone.png", output);
        using var report = JsonDocument.Parse(File.ReadAllText(reportFile));
        Assert.Equal(1, report.RootElement.GetProperty("imported").GetInt32());
        Assert.Equal("seed", report.RootElement.GetProperty("dataset").GetString());
        var refused = report.RootElement.GetProperty("refused").EnumerateArray().Single();
        Assert.Equal(("bad", 1, "image", "file not found: gone.png"),
            (refused.GetProperty("id").GetString(), refused.GetProperty("index").GetInt32(), refused.GetProperty("field").GetString(), refused.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Import_InvalidJson_ExitsNonZeroWithOneLineReason()
    {
        using var cli = new CliRun();
        var file = cli.Write("broken.json", "[{\"id\": 1,");

        var (code, output) = await cli.RunAsync("import", file);

        Assert.NotEqual(0, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:"));
        Assert.Contains("is not valid JSON", line);
        Assert.Contains("nothing was imported", output);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsNonZero()
    {
        using var cli = new CliRun();

        var (code, output) = await cli.RunAsync("import", Path.Combine(cli.Root, "nope.json"));

        Assert.Equal(1, code);
        Assert.Contains("error: File not found", output);
    }

    [Fact]
    public async Task Import_DbOption_PutsTheStoreWhereAsked()
    {
        using var cli = new CliRun();
        var file = cli.Write("seed.json", TwoRecords);
        var db = Path.Combine(cli.Root, "elsewhere", "store.db");

        var (code, _) = await cli.RunAsync("import", file, "--db", db);

        Assert.Equal(ImportCommand.SomeRefused, code);
        Assert.True(File.Exists(db));
        Assert.False(File.Exists(Path.Combine(cli.DataDir, "mmevol.db")));
    }
}
