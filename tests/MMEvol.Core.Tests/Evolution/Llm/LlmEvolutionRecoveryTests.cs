using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution;
using MMEvol.Core.Llm;
using MMEvol.Core.Model;
using MMEvol.Testing;

namespace MMEvol.Core.Tests.Evolution.Llm;

/// <summary>What review found: retries of failed rounds, refused keys, misaligned answers, races with reviewers and curators.</summary>
public sealed class LlmEvolutionRecoveryTests
{
    private static EvolveSettings Settings(ChatCompletionsStub stub, int rounds = 1) => new()
    {
        Rounds = rounds,
        Evolver = "llm",
        Judge = "llm",
        Concurrency = 1,
        Llm = new LlmOptions { Endpoint = stub.BaseUrl.ToString(), Model = "fake-vlm", AttemptTimeoutSeconds = 5, TotalTimeoutSeconds = 10, MaxRetries = 0 },
    };

    [Fact]
    public async Task RetryFailed_FailedRoundsEvenWhenLaterRoundsExist_AreEvolvedAgain()
    {
        var broken = true;
        await using var stub = await ChatCompletionsStub.StartAsync(r => Volatile.Read(ref broken) && !FakeModel.IsJudge(r)
            ? StubReply.Completion("not JSON at all")
            : FakeModel.Answer(r));
        await using var world = await EvolutionWorld.CreateAsync(5);
        await world.EvolveAsync(Settings(stub, rounds: 2));
        Volatile.Write(ref broken, false);

        var retry = await world.EvolveAsync(Settings(stub, rounds: 2) with { RetryFailed = true });

        Assert.Equal([5, 5], retry.Rounds.Select(r => r.Planned));
        await using var db = world.Open();
        var rounds = await db.Rounds.Where(r => r.Number > 0).ToListAsync();
        Assert.All(rounds, r => Assert.Equal((RoundStatus.Evolved, 2), (r.Status, r.Attempt)));
    }

    [Fact]
    public async Task Evolve_ServerRefusesTheKey_StopsTheRunWithoutFailingRounds()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Status(401, """{"error": {"message": "invalid key"}}"""));
        await using var world = await EvolutionWorld.CreateAsync(4);

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => world.EvolveAsync(Settings(stub)));

        Assert.Contains("refused the call", error.Message);
        await using var db = world.Open();
        Assert.Equal(0, await db.Rounds.CountAsync(r => r.Number > 0));
    }

    [Fact]
    public async Task Evolve_AnswerWithAnInvalidFirstItem_LaterItemsKeepTheirOwnParents()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(r =>
        {
            if (FakeModel.IsJudge(r) || FakeModel.Wanted(r) < 2)
                return FakeModel.Answer(r);
            var items = FakeModel.Items(FakeModel.Wanted(r));
            return StubReply.Completion("[{\"answer\": \"no question\"}," + items[(items.IndexOf("},{", StringComparison.Ordinal) + 2)..]);
        });
        await using var world = await EvolutionWorld.CreateAsync(30);

        await world.EvolveAsync(Settings(stub));

        await using var db = world.Open();
        var round = (await db.Rounds.Include(r => r.Items).Where(r => r.Number == 1).ToListAsync()).First(r => r.ParentItemIds.Count >= 2);
        var item = Assert.Single(round.Items, i => i.Index == 0);
        Assert.Equal(round.ParentItemIds[1], item.ParentItemId);
        Assert.Contains("dropped 1 invalid item", round.FailureReason);
    }

    [Fact]
    public async Task Judge_ReviewerSavesTheSameItemMeanwhile_RoundJudgedAgainAndTheOverrideStays()
    {
        await using var world = await EvolutionWorld.CreateAsync(3);
        var overridden = 0;
        await using var stub = await ChatCompletionsStub.StartAsync(async r =>
        {
            if (FakeModel.IsJudge(r) && Interlocked.Exchange(ref overridden, 1) == 0)
            {
                await using var reviewer = world.Open();
                var item = await reviewer.Instructions.FirstAsync(i => i.RoundNumber == 1);
                item.OverrideWith(Decision.Eliminated);
                await reviewer.SaveChangesAsync();
            }
            return FakeModel.Answer(r);
        });
        await world.EvolveAsync(new EvolveSettings { Rounds = 1, FaultRate = 0 });

        await world.JudgeAsync(new JudgeSettings("llm", 1, Settings(stub).Llm));

        await using var db = world.Open();
        var items = await db.Instructions.Where(i => i.RoundNumber == 1).ToListAsync();
        Assert.All(items, i => Assert.Equal("llm:fake-vlm", i.Judge));
        Assert.Single(items, i => i.ReviewState == ReviewState.Overridden && i.FinalDecision == Decision.Eliminated);
        Assert.Equal(1, await db.Reviews.CountAsync(r => r.Action == ReviewAction.Rejudge));
    }

    [Fact]
    public async Task Evolve_PolicyAppliedWhileRunning_EveryItemOfTheRunDecidedByIt()
    {
        await using var world = await EvolutionWorld.CreateAsync(40);
        var run = world.Services.GetRequiredService<EvolutionRun>();
        var applied = 0;

        await run.RunAsync(world.DatasetId, new EvolveSettings { Rounds = 1, FaultRate = 0 }, null, new InlineProgress<EvolutionProgress>(p =>
        {
            if (p.Done == 10 && Interlocked.Exchange(ref applied, 1) == 0)
            {
                using var curator = world.Open();
                PolicyApplier.ApplyAsync(curator, world.DatasetId, new EliminationPolicy { MinScore = 9.9, CreatedBy = "curator" }, "curator", TimeProvider.System)
                    .GetAwaiter().GetResult();
            }
        }), _ => Task.CompletedTask, CancellationToken.None);

        await using var db = world.Open();
        var items = await db.Instructions.Where(i => i.RoundNumber == 1).ToListAsync();
        var rule = new PolicyRule(await PolicyApplier.CurrentAsync(db, world.DatasetId));
        Assert.Equal(2, rule.Policy.Version);
        Assert.All(items, i => Assert.Equal(rule.Decide(i), i.AutoDecision));
        Assert.All(items.Where(i => i.JudgeScore < 9.9), i => Assert.Equal(Decision.Eliminated, i.FinalDecision));
    }

    [Theory]
    [InlineData("https://user:secret@api.example.com/v1")]
    [InlineData("https://api.example.com/v1?api-key=secret")]
    public void Options_EndpointCarryingCredentials_Refused(string endpoint)
    {
        var error = Assert.Throws<WorkbenchException>(() => new LlmOptions { Endpoint = endpoint, Model = "m" }.Validate());

        Assert.Contains("must not carry credentials", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }
}
