using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Core.Tests.Evolution;
using MMEvol.Core.Tests.Review;
using MMEvol.Core.Thresholds;

namespace MMEvol.Core.Tests.Thresholds;

public sealed class ThresholdPreviewerTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    private static readonly EliminationPolicy Strict = new() { CreatedBy = "test", MinScore = 6, MinStepGain = 1, GroundedOnly = true };

    /// <summary>Three rounds of a small world, with overrides both ways so that some disagree with any proposal.</summary>
    private static async Task<EvolutionWorld> WorldAsync()
    {
        var world = await EvolutionWorld.CreateAsync(24, seed: 5);
        await world.EvolveAsync(new EvolveSettings { Rounds = 3, Seed = 2 });
        var actions = new ReviewActions(new StoreFactory(world.Store), Time);
        await using var db = world.Open();
        var evolved = await db.Instructions.AsNoTracking().Where(i => i.RoundNumber > 0).OrderBy(i => i.Id).ToListAsync();
        foreach (var item in evolved.Where((_, n) => n % 7 == 0))
            Assert.IsType<ReviewSaved>(await actions.ApplyAsync(item.Id, item.Version, item.Id % 2 == 0 ? ReviewCommand.Keep : ReviewCommand.Eliminate, "ana"));
        return world;
    }

    private static ThresholdPreviewer Previewer(EvolutionWorld world) => new(new StoreFactory(world.Store), Time);

    private static async Task<Dictionary<long, Instruction>> GovernedAsync(EvolutionWorld world)
    {
        await using var db = world.Open();
        return await PolicyApplier.Governed(db, world.DatasetId).AsNoTracking().ToDictionaryAsync(i => i.Id);
    }

    [Fact]
    public async Task Preview_ThenApply_ChangesExactlyWhatThePreviewSaid()
    {
        await using var world = await WorldAsync();
        var previewer = Previewer(world);
        var before = await GovernedAsync(world);

        var preview = await previewer.PreviewAsync(world.DatasetId, Strict);
        var applied = await previewer.ApplyAsync(world.DatasetId, Strict, "cora");
        var after = await GovernedAsync(world);

        Assert.InRange(preview.FlipCount, 1, ThresholdPreview.ListLimit);
        var flipped = after.Values.Where(i => i.FinalDecision != before[i.Id].FinalDecision).Select(i => i.Id).Order();
        Assert.Equal(flipped, preview.Flips.Select(f => f.ItemId).Order());
        Assert.All(preview.Flips, f => Assert.Equal(after[f.ItemId].FinalDecision, f.Proposed));
        foreach (var group in preview.Groups)
        {
            var items = after.Values.Where(i => i.RoundNumber == group.Round && i.Direction == group.Direction).ToList();
            Assert.Equal(items.Count, group.Items);
            Assert.Equal(items.Count(i => i.FinalDecision == Decision.Kept), group.KeptProposed);
            Assert.Equal(items.Count(i => before[i.Id].FinalDecision == Decision.Kept), group.KeptNow);
        }
        var disagreeing = after.Values.Where(i => i.Override is { } o && o != i.AutoDecision).Select(i => i.Id).Order();
        Assert.NotEmpty(disagreeing);
        Assert.Equal(disagreeing, preview.DisagreeingOverrides.Select(d => d.ItemId).Order());
        Assert.Equal(preview.Current.Version + 1, applied.Version);
    }

    [Fact]
    public async Task Histograms_CountEveryGovernedItemOfTheirRound()
    {
        await using var world = await WorldAsync();
        var governed = await GovernedAsync(world);

        var preview = await Previewer(world).PreviewAsync(world.DatasetId, Strict);

        Assert.Equal([1, 2, 3], preview.Rounds.Select(r => r.Round));
        foreach (var round in preview.Rounds)
        {
            var items = governed.Values.Where(i => i.RoundNumber == round.Round).ToList();
            Assert.Equal(items.Count, round.Score.Counts.Sum() + round.Score.Missing);
            Assert.Equal(items.Count(i => i.EffectiveScore is null), round.Score.Missing);
            Assert.Equal(items.Count(i => i.EffectiveScore >= 6), round.Score.Counts.Skip(6).Sum());
            Assert.Equal(items.Count, round.StepGain.Counts.Sum());
        }
    }

    [Fact]
    public async Task ScoreCorrectedAfterAPreview_IsInTheNextOne()
    {
        await using var world = await WorldAsync();
        var previewer = Previewer(world);
        var proposal = new EliminationPolicy { CreatedBy = "test", MinScore = 5 };
        var first = await previewer.PreviewAsync(world.DatasetId, proposal);
        var governed = await GovernedAsync(world);
        var target = governed.Values.First(i => i.Override is null && i.FinalDecision == Decision.Kept && i.EffectiveScore >= 5
            && first.Flips.All(f => f.ItemId != i.Id));

        var actions = new ReviewActions(new StoreFactory(world.Store), Time);
        Assert.IsType<ReviewSaved>(await actions.ApplyAsync(target.Id, target.Version, ReviewCommand.CorrectScore(1), "ana"));
        var second = await previewer.PreviewAsync(world.DatasetId, proposal);

        Assert.Contains(second.Flips, f => f.ItemId == target.Id && f.Proposed == Decision.Eliminated);
    }

    [Theory]
    [InlineData(true, null, null, null, null, false, true)]
    [InlineData(true, 6.7, null, null, null, false, true)]
    [InlineData(false, 5.0, 1.0, null, null, true, false)]
    [InlineData(true, null, 0.5, 0.5, 0.5, true, true)]
    [InlineData(false, 9.0, -1.0, 2.0, 1.0, false, false)]
    public async Task Evaluator_AgreesWithThePolicyRule_OnEveryItem(bool improved, double? minScore, double? steps, double? skills, double? objects, bool grounded, bool cheap)
    {
        await using var world = await WorldAsync();
        var governed = await GovernedAsync(world);
        // A corrected score equal to the threshold: the boundary a float would get wrong.
        var boundary = governed.Values.First(i => i.Override is null);
        await new ReviewActions(new StoreFactory(world.Store), Time).ApplyAsync(boundary.Id, boundary.Version, ReviewCommand.CorrectScore(6.7), "ana");
        governed = await GovernedAsync(world);
        var policy = new EliminationPolicy
        {
            CreatedBy = "test", RequireImproved = improved, MinScore = minScore, MinStepGain = steps, MinSkillGain = skills,
            MinObjectGain = objects, GroundedOnly = grounded, CheapChecks = cheap,
        };
        await using var db = world.Open();
        var snapshot = await PolicySnapshot.LoadAsync(db, world.DatasetId);

        var rule = new PolicyRule(policy);
        var evaluator = new PolicyEvaluator(policy);

        Assert.Equal(governed.Count, snapshot.Items.Length);
        Assert.All(snapshot.Items, packed => Assert.Equal(rule.Decide(governed[packed.Id]), evaluator.Decide(packed)));
    }
}
