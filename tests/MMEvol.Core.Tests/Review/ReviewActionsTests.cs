using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Core.Tests.Evolution;

namespace MMEvol.Core.Tests.Review;

public sealed class ReviewActionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 30, 0, TimeSpan.Zero);

    private static async Task<EvolutionWorld> WorldAsync()
    {
        var world = await EvolutionWorld.CreateAsync(8);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1, FaultRate = 0 });
        return world;
    }

    private static ReviewActions Actions(EvolutionWorld world, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        new(new StoreFactory(world.Store, interceptors), new FakeTimeProvider(Now));

    private static async Task<Instruction> ItemAsync(EvolutionWorld world, Func<IQueryable<Instruction>, IQueryable<Instruction>>? where = null)
    {
        await using var db = world.Open();
        return await (where ?? (q => q.Where(i => i.RoundNumber == 1))).Invoke(db.Instructions.AsNoTracking()).OrderBy(i => i.Id).FirstAsync();
    }

    private static async Task<List<Model.Review>> AuditAsync(EvolutionWorld world, long itemId)
    {
        await using var db = world.Open();
        return await db.Reviews.AsNoTracking().Where(r => r.InstructionId == itemId).OrderBy(r => r.Id).ToListAsync();
    }

    public static TheoryData<string, ReviewState, Decision?> Commands() => new()
    {
        { "confirm", ReviewState.Confirmed, null },
        { "keep", ReviewState.Overridden, Decision.Kept },
        { "eliminate", ReviewState.Overridden, Decision.Eliminated },
        { "clear", ReviewState.Unreviewed, null },
    };

    private static ReviewCommand Command(string name) => name switch
    {
        "confirm" => ReviewCommand.Confirm,
        "keep" => ReviewCommand.Keep,
        "eliminate" => ReviewCommand.Eliminate,
        _ => ReviewCommand.Clear,
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task ApplyAsync_Command_UpdatesTheItemAndWritesOneAuditEntry(string name, ReviewState state, Decision? @override)
    {
        await using var world = await WorldAsync();
        var item = await ItemAsync(world);

        var result = await Actions(world).ApplyAsync(item.Id, item.Version, Command(name), "ana", "looks right");

        var saved = Assert.IsType<ReviewSaved>(result);
        var stored = await ItemAsync(world, q => q.Where(i => i.Id == item.Id));
        Assert.Equal((state, @override, @override ?? item.AutoDecision, item.Version + 1), (stored.ReviewState, stored.Override, stored.FinalDecision, stored.Version));
        Assert.Equal(ItemState.Of(stored), saved.State);
        var entry = Assert.Single(await AuditAsync(world, item.Id));
        Assert.Equal((saved.ReviewId, Command(name).Action, "ana", Now, "looks right"), (entry.Id, entry.Action, entry.User, entry.At, entry.Note));
        Assert.Equal(ItemState.Of(item), ItemState.FromJson(entry.Before));
        Assert.Equal(saved.State, ItemState.FromJson(entry.After));
    }

    [Fact]
    public async Task ApplyAsync_CorrectScore_KeepsTheJudgesScoreAndRedecidesUnderTheCurrentPolicy()
    {
        await using var world = await WorldAsync();
        await using (var db = world.Open())
            await PolicyApplier.ApplyAsync(db, world.DatasetId, new EliminationPolicy { MinScore = 6, CreatedBy = "curator" }, "curator", TimeProvider.System);
        var item = await ItemAsync(world, q => q.Where(i => i.RoundNumber == 1 && i.Improved == true && i.JudgeScore < 6 && i.CheapCheck == null));
        Assert.Equal(Decision.Eliminated, item.AutoDecision);

        var saved = Assert.IsType<ReviewSaved>(await Actions(world).ApplyAsync(item.Id, item.Version, ReviewCommand.CorrectScore(8), "ana", "the judge missed the count"));

        var stored = await ItemAsync(world, q => q.Where(i => i.Id == item.Id));
        Assert.Equal((8.0, item.JudgeScore, 8.0), (stored.ReviewerScore, stored.JudgeScore, stored.EffectiveScore));
        Assert.Equal((Decision.Kept, Decision.Kept, ReviewState.Unreviewed), (stored.AutoDecision, stored.FinalDecision, stored.ReviewState));
        Assert.Equal(stored.Version, saved.State.Version);
        Assert.Equal(ReviewAction.CorrectScore, Assert.Single(await AuditAsync(world, item.Id)).Action);
    }

    [Fact]
    public void CorrectScore_OutsideZeroToTen_IsRefusedBeforeAnythingRuns()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewCommand.CorrectScore(10.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewCommand.CorrectScore(double.NaN));
        Assert.Null(ReviewCommand.CorrectScore(null).Score);
    }

    [Fact]
    public async Task ApplyAsync_StaleVersion_IsRefusedWithTheCurrentStateAndWritesNothing()
    {
        await using var world = await WorldAsync();
        var item = await ItemAsync(world);
        var actions = Actions(world);
        var first = Assert.IsType<ReviewSaved>(await actions.ApplyAsync(item.Id, item.Version, ReviewCommand.Eliminate, "ana"));

        var second = await actions.ApplyAsync(item.Id, item.Version, ReviewCommand.Keep, "ben");

        var conflict = Assert.IsType<ReviewConflict>(second);
        Assert.Equal(first.State, conflict.Current);
        Assert.Equal(Decision.Eliminated, (await ItemAsync(world, q => q.Where(i => i.Id == item.Id))).FinalDecision);
        Assert.Single(await AuditAsync(world, item.Id));
    }

    [Fact]
    public async Task ApplyAsync_MissingItem_IsRefused()
    {
        await using var world = await WorldAsync();

        Assert.IsType<ReviewRefused>(await Actions(world).ApplyAsync(long.MaxValue, 0, ReviewCommand.Confirm, "ana"));
    }

    [Fact]
    public async Task UndoAsync_LatestEntriesInTurn_RestoreTheStatesBeforeThemAndAreAudited()
    {
        await using var world = await WorldAsync();
        var item = await ItemAsync(world);
        var actions = Actions(world);
        var corrected = Assert.IsType<ReviewSaved>(await actions.ApplyAsync(item.Id, item.Version, ReviewCommand.CorrectScore(9.5), "ana"));
        var overridden = Assert.IsType<ReviewSaved>(await actions.ApplyAsync(item.Id, corrected.State.Version, ReviewCommand.Eliminate, "ana"));

        var undone = Assert.IsType<ReviewSaved>(await actions.UndoAsync(overridden.ReviewId, "ben", "too harsh"));
        var again = Assert.IsType<ReviewSaved>(await actions.UndoAsync(corrected.ReviewId, "ben"));

        Assert.Equal(corrected.State with { Version = undone.State.Version }, undone.State);
        Assert.Equal(ItemState.Of(item) with { Version = again.State.Version }, again.State);
        var entries = await AuditAsync(world, item.Id);
        Assert.Equal([ReviewAction.CorrectScore, ReviewAction.Eliminate, ReviewAction.Undo, ReviewAction.Undo], entries.Select(e => e.Action));
        Assert.Equal(("ben", $"undoes #{overridden.ReviewId}: too harsh"), (entries[2].User, entries[2].Note));
    }

    [Fact]
    public async Task UndoAsync_ItemChangedSinceTheEntry_IsAConflict()
    {
        await using var world = await WorldAsync();
        var item = await ItemAsync(world);
        var actions = Actions(world);
        var first = Assert.IsType<ReviewSaved>(await actions.ApplyAsync(item.Id, item.Version, ReviewCommand.Keep, "ana"));
        var second = Assert.IsType<ReviewSaved>(await actions.ApplyAsync(item.Id, first.State.Version, ReviewCommand.Confirm, "ben"));

        var conflict = Assert.IsType<ReviewConflict>(await actions.UndoAsync(first.ReviewId, "ana"));

        Assert.Equal(second.State, conflict.Current);
        Assert.Equal(2, (await AuditAsync(world, item.Id)).Count);
    }

    [Fact]
    public async Task UndoAsync_PolicyChange_IsRefused()
    {
        await using var world = await WorldAsync();
        long entry;
        await using (var db = world.Open())
        {
            await PolicyApplier.ApplyAsync(db, world.DatasetId, new EliminationPolicy { CreatedBy = "curator" }, "curator", TimeProvider.System);
            entry = await db.Reviews.Where(r => r.Action == ReviewAction.PolicyChange).Select(r => r.Id).SingleAsync();
        }

        Assert.IsType<ReviewRefused>(await Actions(world).UndoAsync(entry, "ana"));
    }

    [Fact]
    public async Task HistoryAsync_SeveralActions_NewestFirst()
    {
        await using var world = await WorldAsync();
        var item = await ItemAsync(world);
        var actions = Actions(world);
        var keep = Assert.IsType<ReviewSaved>(await actions.ApplyAsync(item.Id, item.Version, ReviewCommand.Keep, "ana"));
        await actions.ApplyAsync(item.Id, keep.State.Version, ReviewCommand.Clear, "ben", "not sure");

        var history = await actions.HistoryAsync(item.Id);

        Assert.Equal([ReviewAction.Clear, ReviewAction.Keep], history.Select(h => h.Action));
        Assert.Equal(("ben", "not sure", ReviewState.Unreviewed), (history[0].User, history[0].Note, history[0].After!.ReviewState));
        Assert.Equal(Decision.Kept, history[1].After!.Override);
    }
}
