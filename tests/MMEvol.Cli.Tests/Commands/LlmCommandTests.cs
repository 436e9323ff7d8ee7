using MMEvol.Testing;

namespace MMEvol.Cli.Tests.Commands;

public sealed class LlmCommandTests
{
    private static string[] Model(ChatCompletionsStub stub, string variable) =>
        ["--endpoint", stub.BaseUrl.ToString(), "--model", "fake-vlm", "--api-key-env", variable, "--timeout", "5", "--retries", "0"];

    private static string KeyVariable()
    {
        var variable = "MMEVOL_CLI_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable(variable, "sk-cli-" + Guid.NewGuid().ToString("N"));
        return variable;
    }

    [Fact]
    public async Task Evolve_Estimate_PrintsCallsTokensAndCostAndSendsNothing()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(r => FakeModel.Answer(r));
        using var cli = new CliRun();
        await cli.RunAsync("demo", "--images", "10", "--benchmark", "1");

        var (code, output) = await cli.RunAsync(["evolve", "--dataset", "shapes", "--evolver", "llm", "--judge", "llm", "--rounds", "3",
            "--price-input", "0.15", "--price-output", "0.60", "--estimate", .. Model(stub, KeyVariable())]);

        Assert.True(code == 0, output);
        Assert.Contains("Units (record x round) left", output);
        Assert.Contains("30", output);
        Assert.Matches(@"Estimated cost\s+\$\d+\.\d\d", output);
        Assert.Equal(0, stub.Count);
    }

    [Fact]
    public async Task Evolve_MaxCostReached_StopsAndTheSameCommandWithAHigherLimitResumesTheJob()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(r => FakeModel.Answer(r, promptTokens: 10_000, completionTokens: 0));
        using var cli = new CliRun();
        await cli.RunAsync("demo", "--images", "10", "--benchmark", "1");
        var variable = KeyVariable();
        string[] evolve = ["evolve", "--dataset", "shapes", "--evolver", "llm", "--judge", "llm", "--rounds", "1", "--concurrency", "1",
            "--price-input", "100", .. Model(stub, variable)];

        var (stopped, first) = await cli.RunAsync([.. evolve, "--max-cost", "5"]);
        // Another concurrency and price list is still the same work: the same job resumes.
        var faster = evolve.ToArray();
        faster[Array.IndexOf(faster, "--concurrency") + 1] = "2";
        var (resumed, second) = await cli.RunAsync([.. faster, "--max-cost", "100"]);
        var (_, jobs) = await cli.RunAsync("jobs", "list");

        Assert.Equal(1, stopped);
        Assert.Contains("Stopped at the cost limit", first);
        Assert.True(resumed == 0, second);
        Assert.Contains("Resuming job 1", second);
        Assert.Single(jobs.Split('\n'), l => l.Contains("Evolve"));
        Assert.Equal(20, stub.Count);
    }

    [Fact]
    public async Task Evolve_LlmWithoutModel_OneLineError()
    {
        using var cli = new CliRun();
        await cli.RunAsync("demo", "--images", "3", "--benchmark", "1");

        var (code, output) = await cli.RunAsync("evolve", "--dataset", "shapes", "--evolver", "llm");

        Assert.Equal(1, code);
        Assert.Contains("need a model: pass --model", output);
    }
}
