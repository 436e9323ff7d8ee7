using System.Text.Json;

namespace MMEvol.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_SmallWorld_GeneratesImportsAndPrintsStats()
    {
        using var cli = new CliRun();

        var (code, output) = await cli.RunAsync("demo", "--images", "12", "--benchmark", "4", "--seed", "3", "--dataset", "tiny");

        Assert.True(code == 0, output);
        Assert.Contains("Imported 12 new records into dataset tiny", output);
        Assert.Contains("tiny: 12 records (12 with an image)", output);
        var folder = Path.Combine(cli.DataDir, "demo", "shapes-seed3-12x4");
        Assert.Equal(12, Directory.GetFiles(Path.Combine(folder, "images"), "*.png").Length);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(folder, "benchmark", "images"), "*.png").Length);
        using var benchmark = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "benchmark", "benchmark.json")));
        Assert.True(benchmark.RootElement.GetArrayLength() >= 4 * 8);
    }

    [Fact]
    public async Task Demo_RunTwice_SecondAddsNothing()
    {
        using var cli = new CliRun();
        await cli.RunAsync("demo", "--images", "5", "--benchmark", "2");

        var (code, output) = await cli.RunAsync("demo", "--images", "5", "--benchmark", "2");

        Assert.Equal(0, code);
        Assert.Contains("Imported 0 new records into dataset shapes (5 already there, 0 refused)", output);
    }

    [Fact]
    public async Task Demo_AsAProcessFromTheRepositoryLayout_UsesDataUnderTheSolutionFolder()
    {
        using var cli = new CliRun();
        File.WriteAllText(Path.Combine(cli.Root, "MMEvol.sln"), "");
        var below = Directory.CreateDirectory(Path.Combine(cli.Root, "src", "somewhere")).FullName;

        var (code, output) = await CliRun.RunProcessAsync(below, "demo", "--images", "3", "--benchmark", "1");

        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(cli.Root, "data", "mmevol.db")), output);
    }

    [Fact]
    public async Task Demo_AsAProcessWithBadOption_ExitsNonZero()
    {
        using var cli = new CliRun();

        var (code, output) = await CliRun.RunProcessAsync(cli.Root, "demo", "--images", "0", "--data", cli.DataDir);

        Assert.NotEqual(0, code);
        Assert.Contains("--images must be at least 1", output);
    }
}
