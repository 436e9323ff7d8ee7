using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Core.Tests.Evolution;

namespace MMEvol.Core.Tests.Review;

public sealed class BulkReviewTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 29, 11, 0, 0, TimeSpan.Zero));

    private static async Task<EvolutionWorld> WorldAsync()
    {
        var world = await EvolutionWorld.CreateAsync(12, seed: 4);
        await world.EvolveAsync(new EvolveSettings { Rounds = 2, Seed = 1 });
        return world;
    }

    private static BulkReview Bulk(EvolutionWorld world) => new(new StoreFactory(world.Store), Time);

    private static async Task<List<Instruction>> ItemsAsync(EvolutionWorld world, int round)
    {
        await using var db = world.Open();
        return await db.Instructions.AsNoTracking().Where(i => i.RoundNumber == round).OrderBy(i => i.Id).ToListAsync();
    }

    [Fact]
    public async Task Eliminate_OverTheFilter_OverridesEachItemWithOneAuditEntryEach()
    {
        await using var world = await WorldAsync();
        var round1 = await ItemsAsync(world, 1);
        var already = round1[0];
        await new ReviewActions(new StoreFactory(world.Store), Time).ApplyAsync(already.Id, already.Version, ReviewCommand.Eliminate, "ana");
        var filter = new ReviewFilter(world.DatasetId) { Round = 1 };

        var result = await Bulk(world).ApplyAsync(filter, ReviewCommand.Eliminate, round1.Count, "bea", "blurry set");

        Assert.True(result.Saved);
        Assert.Equal((round1.Count - 1, 1), (result.Changed, result.Unchanged));
        Assert.All(await ItemsAsync(world, 1), i => Assert.Equal((Decision.Eliminated, ReviewState.Overridden), (i.FinalDecision, i.ReviewState)));
        Assert.All(await ItemsAsync(world, 2), i => Assert.Equal(ReviewState.Unreviewed, i.ReviewState));
        await using var db = world.Open();
        var entries = await db.Reviews.AsNoTracking().Where(r => r.BulkId == result.BulkId).ToListAsync();
        Assert.Equal(round1.Count - 1, entries.Count);
        Assert.All(entries, e => Assert.Equal(("bea", "blurry set", ReviewAction.Eliminate), (e.User, e.Note, e.Action)));
        var recent = Assert.Single(await Bulk(world).RecentAsync(world.DatasetId));
        Assert.Equal((result.BulkId, round1.Count - 1, "bea"), (recent.BulkId, recent.Items, recent.User));
    }

    [Fact]
    public async Task Keep_OverATextFilter_ChangesExactlyTheItemsContainingIt()
    {
        await using var world = await WorldAsync();
        await using var db = world.Open();
        var all = await db.Instructions.AsNoTracking().Where(i => i.DatasetId == world.DatasetId).ToListAsync();
        var circles = all.Where(i => i.Question.Contains("circle", StringComparison.OrdinalIgnoreCase) || i.Answer.Contains("circle", StringComparison.OrdinalIgnoreCase))
            .Select(i => i.Id).ToHashSet();
        Assert.InRange(circles.Count, 1, all.Count - 1);

        var result = await Bulk(world).ApplyAsync(new ReviewFilter(world.DatasetId) { Text = "CIRCLE" }, ReviewCommand.Keep, circles.Count, "bea");

        Assert.True(result.Saved);
        var kept = await db.Reviews.AsNoTracking().Where(r => r.BulkId == result.BulkId).Select(r => r.InstructionId!.Value).ToListAsync();
        Assert.Equal(circles.Order(), kept.Order());
    }

    [Fact]
    public async Task CountChangedSinceConfirmation_IsRefusedAndWritesNothing()
    {
        await using var world = await WorldAsync();
        var round1 = await ItemsAsync(world, 1);

        var result = await Bulk(world).ApplyAsync(new ReviewFilter(world.DatasetId) { Round = 1 }, ReviewCommand.Keep, round1.Count + 1, "bea");

        Assert.False(result.Saved);
        Assert.Contains($"now matches {round1.Count:N0} items", result.Refusal);
        await using var db = world.Open();
        Assert.False(await db.Reviews.AnyAsync());
    }

    [Fact]
    public async Task Undo_PutsBackEveryItemAsOne_ExceptOneReviewedSince()
    {
        await using var world = await WorldAsync();
        var actions = new ReviewActions(new StoreFactory(world.Store), Time);
        var round2 = await ItemsAsync(world, 2);
        var confirmedBefore = round2[1];
        await actions.ApplyAsync(confirmedBefore.Id, confirmedBefore.Version, ReviewCommand.Confirm, "ana");
        var start = (await ItemsAsync(world, 2)).ToDictionary(i => i.Id);
        var bulk = await Bulk(world).ApplyAsync(new ReviewFilter(world.DatasetId) { Round = 2 }, ReviewCommand.Keep, round2.Count, "bea");
        var later = (await ItemsAsync(world, 2))[0];
        await actions.ApplyAsync(later.Id, later.Version, ReviewCommand.Eliminate, "cyd");

        var undo = await Bulk(world).UndoAsync(bulk.BulkId!.Value, "bea");

        Assert.Equal((round2.Count - 1, 1), (undo.Changed, undo.Unchanged));
        foreach (var item in await ItemsAsync(world, 2))
        {
            var expected = item.Id == later.Id ? (ReviewState.Overridden, (Decision?)Decision.Eliminated) : (start[item.Id].ReviewState, start[item.Id].Override);
            Assert.Equal(expected, (item.ReviewState, item.Override));
        }
        Assert.Equal(ReviewState.Confirmed, (await ItemsAsync(world, 2)).Single(i => i.Id == confirmedBefore.Id).ReviewState);
        await using var db = world.Open();
        Assert.Equal(round2.Count - 1, await db.Reviews.CountAsync(r => r.BulkId == undo.BulkId && r.Action == ReviewAction.Undo));
    }

    [Fact]
    public async Task ScoreCorrection_IsNotABulkAction()
    {
        await using var world = await WorldAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Bulk(world).ApplyAsync(new ReviewFilter(world.DatasetId), ReviewCommand.CorrectScore(5), 1, "bea"));
    }
}
