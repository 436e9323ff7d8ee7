using System.Diagnostics;

namespace MMEvol.Cli.Tests.Commands;

public sealed class PolicyAndJobsCommandTests
{
    private static async Task<CliRun> EvolvedAsync()
    {
        var cli = new CliRun();
        await cli.RunAsync("demo", "--images", "20", "--benchmark", "1");
        var (code, output) = await cli.RunAsync("evolve", "--dataset", "shapes", "--rounds", "2");
        Assert.True(code == 0, output);
        return cli;
    }

    [Fact]
    public async Task PolicyApply_MinScore_ShowsKeptBeforeAndAfterAndANewVersion()
    {
        using var cli = await EvolvedAsync();

        var (code, output) = await cli.RunAsync("policy", "apply", "--dataset", "shapes", "--min-score", "9.5", "--note", "strict", "--user", "ana");
        var (showCode, show) = await cli.RunAsync("policy", "show", "--dataset", "shapes");

        Assert.True(code == 0, output);
        Assert.Contains("Policy v2 applied", output);
        Assert.Equal(0, showCode);
        Assert.Contains("v2", show);
        Assert.Contains("by ana: strict", show);
        Assert.Contains("9.5", show);
    }

    [Fact]
    public async Task Jobs_ListAndShow_DescribeTheEvolveJob()
    {
        using var cli = await EvolvedAsync();

        var (listCode, list) = await cli.RunAsync("jobs", "list");
        var (showCode, show) = await cli.RunAsync("jobs", "show", "1");

        Assert.Equal((0, 0), (listCode, showCode));
        Assert.Contains("Evolve", list);
        Assert.Contains("Succeeded", list);
        Assert.Contains("Round 2:", show);
    }

    [Fact]
    public async Task Evolve_Enqueue_ThenWorkerRunsItAndCancelledJobResumes()
    {
        using var cli = new CliRun();
        await cli.RunAsync("demo", "--images", "10", "--benchmark", "1");

        var (code, output) = await cli.RunAsync("evolve", "--dataset", "shapes", "--rounds", "1", "--enqueue");
        var (cancelCode, cancelled) = await cli.RunAsync("jobs", "cancel", "1");
        var (resumeCode, _) = await cli.RunAsync("jobs", "resume", "1");

        Assert.True(code == 0, output);
        Assert.Contains("Job 1 queued", output);
        Assert.Equal((0, 0), (cancelCode, resumeCode));
        Assert.Contains("Cancelled", cancelled);

        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = cli.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "mmevol.dll"), "worker", "--data", cli.DataDir })
            info.ArgumentList.Add(arg);
        using var worker = Process.Start(info)!;
        _ = worker.StandardOutput.ReadToEndAsync();
        _ = worker.StandardError.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            string list;
            do
            {
                await Task.Delay(200);
                (_, list) = await cli.RunAsync("jobs", "list");
            }
            while (!list.Contains("Succeeded") && DateTime.UtcNow < deadline);
            Assert.Contains("Succeeded", list);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Judge_RoundZero_ScoresTheSeed()
    {
        using var cli = new CliRun();
        await cli.RunAsync("demo", "--images", "8", "--benchmark", "1");

        var (code, output) = await cli.RunAsync("judge", "--dataset", "shapes", "--round", "0");

        Assert.True(code == 0, output);
        Assert.Contains("Judging 8 round(s) with heuristic", output);
    }

    [Fact]
    public async Task Evolve_UnknownDataset_OneLineError()
    {
        using var cli = new CliRun();
        await cli.RunAsync("demo", "--images", "3", "--benchmark", "1");

        var (code, output) = await cli.RunAsync("evolve", "--dataset", "nope");

        Assert.Equal(1, code);
        Assert.Contains("error: No dataset named 'nope' (there are: shapes).", output);
    }
}
