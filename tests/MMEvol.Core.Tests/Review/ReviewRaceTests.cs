using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Core.Tests.Evolution;

namespace MMEvol.Core.Tests.Review;

public sealed class ReviewRaceTests
{
    /// <summary>Runs another reviewer's whole save just before this context writes: both read the same version.</summary>
    private sealed class SaveFirst(Func<Task> other) : SaveChangesInterceptor
    {
        private int _ran;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _ran, 1) == 0)
                await other();
            return result;
        }
    }

    [Fact]
    public async Task ApplyAsync_TwoContextsSavingTheSameVersion_TheSecondToCommitGetsAConflict()
    {
        await using var world = await EvolutionWorld.CreateAsync(4);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1, FaultRate = 0 });
        Instruction item;
        await using (var db = world.Open())
            item = await db.Instructions.AsNoTracking().Where(i => i.RoundNumber == 1).OrderBy(i => i.Id).FirstAsync();
        var ben = new ReviewActions(new StoreFactory(world.Store), TimeProvider.System);
        ReviewResult? bens = null;
        var ana = new ReviewActions(new StoreFactory(world.Store, new SaveFirst(async () => bens = await ben.ApplyAsync(item.Id, item.Version, ReviewCommand.Keep, "ben"))),
            TimeProvider.System);

        var anas = await ana.ApplyAsync(item.Id, item.Version, ReviewCommand.Eliminate, "ana");

        var saved = Assert.IsType<ReviewSaved>(bens);
        var conflict = Assert.IsType<ReviewConflict>(anas);
        Assert.Equal(saved.State, conflict.Current);
        await using var check = world.Open();
        Assert.Equal(Decision.Kept, (await check.Instructions.SingleAsync(i => i.Id == item.Id)).FinalDecision);
        Assert.Equal("ben", (await check.Reviews.SingleAsync(r => r.InstructionId == item.Id)).User);
    }

    [Fact]
    public async Task ApplyAsync_ManyReviewersAtOnce_ExactlyOneWins()
    {
        await using var world = await EvolutionWorld.CreateAsync(4);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1, FaultRate = 0 });
        Instruction item;
        await using (var db = world.Open())
            item = await db.Instructions.AsNoTracking().Where(i => i.RoundNumber == 1).OrderBy(i => i.Id).FirstAsync();
        var results = new ConcurrentBag<ReviewResult>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            var actions = new ReviewActions(new StoreFactory(world.Store), TimeProvider.System);
            results.Add(await actions.ApplyAsync(item.Id, item.Version, n % 2 == 0 ? ReviewCommand.Keep : ReviewCommand.Eliminate, $"reviewer {n}"));
        })));

        var winner = Assert.Single(results.OfType<ReviewSaved>());
        Assert.Equal(7, results.OfType<ReviewConflict>().Count());
        await using var check = world.Open();
        Assert.Equal(winner.State.Version, (await check.Instructions.SingleAsync(i => i.Id == item.Id)).Version);
        Assert.Single(await check.Reviews.Where(r => r.InstructionId == item.Id).ToListAsync());
    }
}
