using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Tests.Evolution;

namespace MMEvol.Core.Tests.Elimination;

public sealed class JudgeRunTests
{
    [Fact]
    public async Task Judge_RoundZero_ScoresTheSeedWithoutChangingDecisions()
    {
        await using var world = await EvolutionWorld.CreateAsync(20);

        var judged = await world.JudgeAsync(new JudgeSettings(Round: 0));

        Assert.Equal(20, judged);
        await using var db = world.Open();
        var seed = await db.Instructions.Where(i => i.RoundNumber == 0).ToListAsync();
        Assert.All(seed, i =>
        {
            Assert.NotNull(i.JudgeScore);
            Assert.Null(i.Improved);
            Assert.Equal(Decision.Kept, i.FinalDecision);
        });
    }

    [Fact]
    public async Task Judge_AgainWithTheSameJudge_SameVerdictsAndDecisions()
    {
        await using var world = await EvolutionWorld.CreateAsync(30);
        await world.EvolveAsync(new EvolveSettings { Rounds = 2 });
        var before = await world.ExportAsync();

        await world.JudgeAsync(new JudgeSettings());

        Assert.Equal(before, await world.ExportAsync());
    }

    [Fact]
    public async Task Judge_JudgeFailedRound_BecomesEvolvedAndDecided()
    {
        await using var world = await EvolutionWorld.CreateAsync(10);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1, FaultRate = 0 });
        int roundId;
        await using (var db = world.Open())
        {
            var round = await db.Rounds.Include(r => r.Items).FirstAsync(r => r.Number == 1);
            round.Status = RoundStatus.JudgeFailed;
            round.FailureReason = "the judge gave 0 verdicts for 1 items";
            foreach (var item in round.Items)
            {
                item.SetVerdict(null);
                item.Decide(Decision.Eliminated, 1);
            }
            roundId = round.Id;
            await db.SaveChangesAsync();
        }

        await world.JudgeAsync(new JudgeSettings(Round: 1));

        await using var check = world.Open();
        var judged = await check.Rounds.Include(r => r.Items).SingleAsync(r => r.Id == roundId);
        Assert.Equal(RoundStatus.Evolved, judged.Status);
        Assert.All(judged.Items, i => Assert.NotNull(i.Improved));
        Assert.All(judged.Items, i => Assert.Equal(i.Improved == true && i.CheapCheck is null ? Decision.Kept : Decision.Eliminated, i.FinalDecision));
    }
}
