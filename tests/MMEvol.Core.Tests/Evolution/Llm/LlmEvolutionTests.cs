using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution;
using MMEvol.Core.Llm;
using MMEvol.Core.Model;
using MMEvol.Testing;
using SixLabors.ImageSharp;

namespace MMEvol.Core.Tests.Evolution.Llm;

/// <summary>Evolution and judging through a real HTTP model server on loopback (only the model is fake).</summary>
public sealed class LlmEvolutionTests
{
    private static (EvolveSettings Settings, string Key) Settings(ChatCompletionsStub stub, int concurrency = 4)
    {
        var variable = "MMEVOL_TEST_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var key = "sk-test-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, key);
        return (new EvolveSettings
        {
            Rounds = 2,
            Evolver = "llm",
            Judge = "llm",
            Concurrency = concurrency,
            Llm = new LlmOptions
            {
                Endpoint = stub.BaseUrl.ToString(),
                Model = "fake-vlm",
                ApiKeyEnv = variable,
                AttemptTimeoutSeconds = 5,
                TotalTimeoutSeconds = 10,
                MaxRetries = 1,
                RetryBaseDelaySeconds = 0.01,
                PricePerMillionInputTokens = 0.15,
                PricePerMillionOutputTokens = 0.60,
            },
        }, key);
    }

    [Fact]
    public async Task Evolve_ThroughAModelServer_StoresVersionTokensCostAndSendsImageAndDetections()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(r => FakeModel.Answer(r));
        await using var world = await EvolutionWorld.CreateAsync(6);
        var (settings, key) = Settings(stub);

        var summary = await world.EvolveAsync(settings);

        Assert.Equal(12, summary.Units);
        await using var db = world.Open();
        var rounds = await db.Rounds.Where(r => r.Number > 0).ToListAsync();
        Assert.All(rounds, r =>
        {
            Assert.Equal(RoundStatus.Evolved, r.Status);
            Assert.Matches(@"^(perception|reasoning|interaction)/v1-[0-9a-f]{8}$", r.PromptVersion);
            Assert.Equal(("fake-vlm", 1200, 1200), (r.Model, r.PromptTokens, r.JudgePromptTokens));
            Assert.Equal(2 * (1200 * 0.15 + 300 * 0.60) / 1e6, r.Cost!.Value, 12);
        });
        Assert.All(await db.Instructions.Where(i => i.RoundNumber > 0).ToListAsync(), i => Assert.Equal((true, 7.0, "llm:fake-vlm"), (i.Improved, i.JudgeScore, i.Judge)));

        var evolution = stub.Requests.Where(r => !FakeModel.IsJudge(r)).ToList();
        var judging = stub.Requests.Where(FakeModel.IsJudge).ToList();
        Assert.Equal((12, 12), (evolution.Count, judging.Count));
        Assert.All(judging, r => Assert.Empty(r.ImageUrls));
        var record = await db.Records.OrderBy(r => r.Id).FirstAsync();
        var withBoxes = evolution.First(r => r.MessageTexts.Any(t => t.Contains(record.Caption!, StringComparison.Ordinal)));
        var d = record.Detections[0];
        Assert.Contains(withBoxes.MessageTexts, t => t.Contains(FormattableString.Invariant($"{d.Label}: [{d.X1:0.000}, {d.Y1:0.000}, {d.X2:0.000}, {d.Y2:0.000}]"), StringComparison.Ordinal));
        foreach (var request in evolution)
        {
            var url = Assert.Single(request.ImageUrls);
            Assert.StartsWith("data:image/jpeg;base64,", url);
            using var image = Image.Load(Convert.FromBase64String(url["data:image/jpeg;base64,".Length..]));
            Assert.True(Math.Max(image.Width, image.Height) <= 512);
            Assert.Equal("Bearer " + key, request.Authorization);
        }
        await db.Database.CloseConnectionAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(world.Store.Data.Root, "mmevol.db*"))
            Assert.DoesNotContain(key, Encoding.UTF8.GetString(File.ReadAllBytes(file)));
    }

    [Fact]
    public async Task Evolve_PermanentFailuresAndUnreadableAnswers_FailedRoundsWithReasonsAndTheRunGoesOn()
    {
        var calls = 0;
        await using var stub = await ChatCompletionsStub.StartAsync(r =>
        {
            if (FakeModel.IsJudge(r))
                return FakeModel.Answer(r);
            return (Interlocked.Increment(ref calls) % 3) switch
            {
                0 => StubReply.Status(400, """{"error": {"message": "bad request"}}"""),
                1 => StubReply.Completion("I am sorry, I cannot help with that."),
                _ => StubReply.Completion("```json\n" + FakeModel.Items(FakeModel.Wanted(r)).Replace("}]", "},]") + "\n```"),
            };
        });
        await using var world = await EvolutionWorld.CreateAsync(9);
        var (settings, _) = Settings(stub, concurrency: 1);

        var summary = await world.EvolveAsync(settings with { Rounds = 1 });

        Assert.Equal((3, 6), (summary.Rounds[0].Evolved, summary.Rounds[0].Failed));
        await using var db = world.Open();
        var failed = await db.Rounds.Where(r => r.Status == RoundStatus.Failed).ToListAsync();
        Assert.Contains(failed, r => r.FailureReason!.Contains("HTTP 400"));
        Assert.Contains(failed, r => r.FailureReason!.Contains("holds no JSON") && r.RawResponse == "I am sorry, I cannot help with that.");
    }

    [Fact]
    public async Task Evolve_JudgeAnswerNotLiningUp_RoundJudgeFailedUntilJudgedAgain()
    {
        var misaligned = true;
        await using var stub = await ChatCompletionsStub.StartAsync(r => FakeModel.IsJudge(r) && Volatile.Read(ref misaligned)
            ? StubReply.Completion(FakeModel.Verdicts(FakeModel.Wanted(r) + 1))
            : FakeModel.Answer(r));
        await using var world = await EvolutionWorld.CreateAsync(5);
        var (settings, _) = Settings(stub);

        await world.EvolveAsync(settings with { Rounds = 1 });
        await using (var db = world.Open())
        {
            var rounds = await db.Rounds.Include(r => r.Items).Where(r => r.Number == 1).ToListAsync();
            Assert.All(rounds, r => Assert.Equal(RoundStatus.JudgeFailed, r.Status));
            Assert.All(rounds, r => Assert.Contains("verdicts for", r.FailureReason));
            Assert.All(rounds.SelectMany(r => r.Items), i => Assert.Equal(Decision.Eliminated, i.FinalDecision));
        }

        Volatile.Write(ref misaligned, false);
        await world.JudgeAsync(new JudgeSettings("llm", 1, settings.Llm));

        await using var check = world.Open();
        Assert.All(await check.Rounds.Include(r => r.Items).Where(r => r.Number == 1).ToListAsync(), r =>
        {
            Assert.Equal(RoundStatus.Evolved, r.Status);
            Assert.All(r.Items, i => Assert.Equal(Decision.Kept, i.FinalDecision));
        });
    }

    [Fact]
    public async Task Evolve_CostLimit_StopsCleanlyAndAHigherLimitResumes()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(r => FakeModel.Answer(r, promptTokens: 10_000, completionTokens: 0));
        await using var world = await EvolutionWorld.CreateAsync(12);
        var (settings, _) = Settings(stub, concurrency: 1);
        settings = settings with { Rounds = 1, Llm = settings.Llm! with { PricePerMillionInputTokens = 100 } }; // $2 per unit
        var run = world.Services.GetRequiredService<EvolutionRun>();

        var stop = await Assert.ThrowsAsync<CostLimitReachedException>(() => run.RunAsync(world.DatasetId, settings, jobId: 7, null, _ => Task.CompletedTask, CancellationToken.None, costLimit: 7));
        int done;
        await using (var db = world.Open())
            done = await db.Rounds.CountAsync(r => r.Number == 1);
        await run.RunAsync(world.DatasetId, settings, jobId: 7, null, _ => Task.CompletedTask, CancellationToken.None, costLimit: 100);

        Assert.Equal(4, done);
        Assert.Equal(8, stop.Spent, 6);
        Assert.Contains("higher --max-cost", stop.Message);
        await using var check = world.Open();
        Assert.Equal(12, await check.Rounds.CountAsync(r => r.Number == 1));
        Assert.Equal(24, await check.Rounds.Where(r => r.JobId == 7).SumAsync(r => r.Cost ?? 0), 6);
    }
}
