using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace MMEvol.Cli.Tests.Commands;

public sealed class EvolveCommandTests
{
    private static async Task<CliRun> DemoAsync(int images)
    {
        var cli = new CliRun();
        var (code, output) = await cli.RunAsync("demo", "--images", images.ToString(System.Globalization.CultureInfo.InvariantCulture), "--benchmark", "1");
        Assert.True(code == 0, output);
        return cli;
    }

    private static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Evolve_ThreeRounds_PrintsStatsWithJudgeFigures()
    {
        using var cli = await DemoAsync(30);

        var (code, output) = await cli.RunAsync("evolve", "--dataset", "shapes", "--rounds", "3", "--seed", "4");

        Assert.True(code == 0, output);
        Assert.Contains("Round 3:", output);
        Assert.Contains("Simulated faults: what the judge caught", output);
        var (statsCode, stats) = await cli.RunAsync("stats", "--dataset", "shapes", "--json");
        Assert.Equal(0, statsCode);
        using var json = JsonDocument.Parse(stats);
        Assert.Equal([0, 1, 2, 3], json.RootElement.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("round").GetInt32()).Distinct());
        Assert.True(json.RootElement.GetProperty("faults").GetProperty("kinds").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Evolve_SameCommandTwice_SecondChangesNothing()
    {
        using var cli = await DemoAsync(15);
        await cli.RunAsync("evolve", "--dataset", "shapes", "--rounds", "2");
        var first = Path.Combine(cli.Root, "first.json");
        var second = Path.Combine(cli.Root, "second.json");
        await cli.RunAsync("export", "--dataset", "shapes", "--format", "mmevol", "--decision", "all", "--out", first);

        var (code, output) = await cli.RunAsync("evolve", "--dataset", "shapes", "--rounds", "2");
        await cli.RunAsync("export", "--dataset", "shapes", "--format", "mmevol", "--decision", "all", "--out", second);

        Assert.True(code == 0, output);
        Assert.Contains("Round 1: 0 record(s) to evolve", output);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public async Task Evolve_KilledMidRoundThenRunAgain_SameExportAsAnUninterruptedRun()
    {
        using var reference = await DemoAsync(400);
        using var crashed = await DemoAsync(400);
        string[] evolve = ["evolve", "--dataset", "shapes", "--rounds", "3", "--seed", "3"];
        await reference.RunAsync(evolve);
        var database = Path.Combine(crashed.DataDir, "mmevol.db");

        var done = await KillMidRoundAsync(crashed, [.. evolve, "--data", crashed.DataDir], database);
        var (code, output) = await CliRun.RunProcessAsync(crashed.Root, [.. evolve, "--data", crashed.DataDir]);

        Assert.True(code == 0, output);
        Assert.Contains("Resuming job", output);
        Assert.InRange(done, 1, 399);
        Assert.Equal(1, Count(database, "SELECT COUNT(*) FROM Jobs"));
        Assert.Equal(0, Count(database, "SELECT COUNT(*) FROM (SELECT RecordId, Number FROM Rounds GROUP BY RecordId, Number HAVING COUNT(*) > 1)"));
        Assert.Equal(0, Count(database, "SELECT COUNT(*) FROM Rounds r WHERE r.Number > 0 AND r.ParentRoundId NOT IN (SELECT Id FROM Rounds)"));
        var expected = Path.Combine(reference.Root, "all.json");
        var actual = Path.Combine(crashed.Root, "all.json");
        await reference.RunAsync("export", "--dataset", "shapes", "--format", "mmevol", "--decision", "all", "--out", expected);
        await crashed.RunAsync("export", "--dataset", "shapes", "--format", "mmevol", "--decision", "all", "--out", actual);
        Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(actual));
    }

    /// <summary>Starts `mmevol evolve` and SIGKILLs it once the store shows some but not all of round 1 done.</summary>
    private static async Task<long> KillMidRoundAsync(CliRun cli, string[] args, string database)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = cli.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mmevol.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            var done = Count(database, "SELECT COUNT(*) FROM Rounds WHERE Number = 1");
            if (done >= 20)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return Count(database, "SELECT COUNT(*) FROM Rounds WHERE Number = 1");
            }
            await Task.Delay(5);
        }
        throw new Xunit.Sdk.XunitException("mmevol evolve finished round 1 before it could be killed mid-round");
    }
}
