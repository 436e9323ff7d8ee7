using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Tests.Evolution;

namespace MMEvol.Core.Tests.Elimination;

public sealed class PolicyApplierTests
{
    private static async Task<EliminationPolicy> ApplyAsync(EvolutionWorld world, EliminationPolicy policy)
    {
        await using var db = world.Open();
        return await PolicyApplier.ApplyAsync(db, world.DatasetId, policy, "curator", TimeProvider.System);
    }

    private static EliminationPolicy Gates(double? minScore = null, double? minStepGain = null, bool requireImproved = true, bool cheapChecks = true) => new()
    {
        RequireImproved = requireImproved,
        CheapChecks = cheapChecks,
        MinScore = minScore,
        MinStepGain = minStepGain,
        CreatedBy = "curator",
    };

    [Fact]
    public async Task Apply_MinScore_ReDecidesEveryJudgedItemAsTheRuleSays()
    {
        await using var world = await EvolutionWorld.CreateAsync(40);
        await world.EvolveAsync(new EvolveSettings { Rounds = 2 });
        Dictionary<long, Decision> before;
        await using (var read = world.Open())
            before = await read.Instructions.ToDictionaryAsync(i => i.Id, i => i.AutoDecision);

        var policy = await ApplyAsync(world, Gates(minScore: 6));

        await using var db = world.Open();
        var items = await db.Instructions.Include(i => i.Round).Where(i => i.RoundNumber > 0 && i.Round!.Status == RoundStatus.Evolved).ToListAsync();
        Assert.NotEmpty(items);
        Assert.All(items, i =>
        {
            var keep = i.Improved == true && i.JudgeScore >= 6 && i.CheapCheck is null;
            Assert.Equal(keep ? Decision.Kept : Decision.Eliminated, i.AutoDecision);
            // Stamped where the decision changed; an unchanged row is not rewritten.
            Assert.True(i.AutoDecision == before[i.Id] || i.PolicyVersion == policy.Version);
        });
        Assert.Contains(items, i => i.AutoDecision != before[i.Id] && i.PolicyVersion == policy.Version);
        Assert.Contains(items, i => i.Improved == true && i.JudgeScore < 6);
        Assert.All(await db.Instructions.Where(i => i.RoundNumber == 0).ToListAsync(), i => Assert.Equal(Decision.Kept, i.FinalDecision));
    }

    [Fact]
    public async Task Apply_NewVersion_RecordsItAndAnAuditEntry()
    {
        await using var world = await EvolutionWorld.CreateAsync(10);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1 });

        var first = await ApplyAsync(world, Gates(minScore: 5));
        var second = await ApplyAsync(world, Gates());

        Assert.Equal((2, 3), (first.Version, second.Version));
        await using var db = world.Open();
        Assert.Equal(3, (await db.Datasets.SingleAsync()).PolicyVersion);
        var audit = await db.Reviews.Where(r => r.Action == ReviewAction.PolicyChange).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.Contains("\"min_score\":5", audit[0].After);
        Assert.Contains("\"min_score\":5", audit[1].Before);
        Assert.All(audit, a => Assert.Equal("curator", a.User));
    }

    [Fact]
    public async Task Apply_NeverTouchesOverrides()
    {
        await using var world = await EvolutionWorld.CreateAsync(30);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1, FaultRate = 0 });
        long keptByReviewer;
        await using (var db = world.Open())
        {
            var item = await db.Instructions.FirstAsync(i => i.RoundNumber == 1 && i.Improved == true && i.JudgeScore < 10);
            item.OverrideWith(Decision.Kept);
            keptByReviewer = item.Id;
            await db.SaveChangesAsync();
        }

        await ApplyAsync(world, Gates(minScore: 10)); // nothing but a perfect score passes

        await using var check = world.Open();
        var reviewed = await check.Instructions.SingleAsync(i => i.Id == keptByReviewer);
        Assert.Equal((ReviewState.Overridden, Decision.Kept), (reviewed.ReviewState, reviewed.FinalDecision));
        Assert.Equal(Decision.Eliminated, reviewed.AutoDecision);
    }

    [Fact]
    public async Task Apply_WithoutThePapersRule_KeepsItemsTheJudgeRejected()
    {
        await using var world = await EvolutionWorld.CreateAsync(30);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1 });

        await ApplyAsync(world, Gates(requireImproved: false, cheapChecks: false));

        await using var db = world.Open();
        Assert.All(await db.Instructions.Include(i => i.Round).Where(i => i.RoundNumber == 1 && i.Round!.Status == RoundStatus.Evolved).ToListAsync(),
            i => Assert.Equal(Decision.Kept, i.FinalDecision));
    }

    [Fact]
    public void Rule_InMemoryAndSqlAgree_OnAStepGainGate()
    {
        var rule = new PolicyRule(Gates(minStepGain: 1));
        var richer = new Instruction { Question = "Q", Answer = "A", Metrics = new ItemMetrics { StepGain = 1 } };
        var poorer = new Instruction { Question = "Q", Answer = "A", Metrics = new ItemMetrics { StepGain = 0 } };
        richer.SetVerdict(new Verdict(true, 7, null, "t"));
        poorer.SetVerdict(new Verdict(true, 7, null, "t"));

        Assert.Equal((Decision.Kept, Decision.Eliminated), (rule.Decide(richer), rule.Decide(poorer)));
    }
}
