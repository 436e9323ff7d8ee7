using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution;

public sealed class EvolutionRunTests
{
    [Fact]
    public async Task Run_ThreeRounds_EveryRoundRewritesTheNewestKeptListWithItsSnapshot()
    {
        await using var world = await EvolutionWorld.CreateAsync(40);

        var summary = await world.EvolveAsync(new EvolveSettings { Rounds = 3, Seed = 5 });

        Assert.Equal([1, 2, 3], summary.Rounds.Select(r => r.Round));
        Assert.Equal(40, summary.Rounds[0].Planned);
        await using var db = world.Open();
        var rounds = await db.Rounds.Include(r => r.Items).ToListAsync();
        var items = await db.Instructions.ToDictionaryAsync(i => i.Id);
        foreach (var round in rounds.Where(r => r.Number > 0))
        {
            var history = rounds.Where(r => r.RecordId == round.RecordId && r.Number < round.Number).OrderBy(r => r.Number).ToList();
            var parent = Assert.Single(history, r => r.Id == round.ParentRoundId);
            // The parent is the newest earlier round that kept something (decisions as they are now, no overrides were made).
            Assert.Equal(history.Last(r => r.Items.Any(i => i.FinalDecision == Decision.Kept)).Id, parent.Id);
            Assert.Equal(parent.Items.Where(i => i.FinalDecision == Decision.Kept).OrderBy(i => i.Index).Select(i => i.Id), round.ParentItemIds);
            foreach (var item in round.Items)
                Assert.Equal(item.Index < round.ParentItemIds.Count ? round.ParentItemIds[item.Index] : null, item.ParentItemId);
            if (round.Status == RoundStatus.Evolved)
                Assert.All(round.Items, i => Assert.NotNull(i.Improved));
        }
        Assert.Contains(rounds, r => r.Status == RoundStatus.Failed && r.InjectedFault == FaultKind.BrokenJson && r.RawResponse is not null);
    }

    [Fact]
    public async Task Run_SameSeedInTwoStores_ByteIdenticalExports()
    {
        await using var a = await EvolutionWorld.CreateAsync(30);
        await using var b = await EvolutionWorld.CreateAsync(30);

        await a.EvolveAsync(new EvolveSettings { Rounds = 3, Seed = 9 });
        await b.EvolveAsync(new EvolveSettings { Rounds = 3, Seed = 9 });

        Assert.Equal(await a.ExportAsync(), await b.ExportAsync());
    }

    [Fact]
    public async Task Run_AgainWithNothingLeft_ChangesNothing()
    {
        await using var world = await EvolutionWorld.CreateAsync(25);
        await world.EvolveAsync(new EvolveSettings { Rounds = 3 });
        var before = await world.ExportAsync();
        int rounds;
        await using (var db = world.Open())
            rounds = await db.Rounds.CountAsync();

        var again = await world.EvolveAsync(new EvolveSettings { Rounds = 3 });

        Assert.Equal(0, again.Units);
        Assert.Equal(before, await world.ExportAsync());
        await using var check = world.Open();
        Assert.Equal(rounds, await check.Rounds.CountAsync());
    }

    [Fact]
    public async Task Run_InTwoSteps_SameAsInOne()
    {
        await using var once = await EvolutionWorld.CreateAsync(25);
        await using var twice = await EvolutionWorld.CreateAsync(25);

        await once.EvolveAsync(new EvolveSettings { Rounds = 3 });
        await twice.EvolveAsync(new EvolveSettings { Rounds = 1 });
        await twice.EvolveAsync(new EvolveSettings { Rounds = 3 });

        Assert.Equal(await once.ExportAsync(), await twice.ExportAsync());
    }

    [Fact]
    public async Task Run_Cancelled_ResumesToTheSameResult()
    {
        await using var whole = await EvolutionWorld.CreateAsync(30);
        await using var interrupted = await EvolutionWorld.CreateAsync(30);
        await whole.EvolveAsync(new EvolveSettings { Rounds = 2 });

        using var stop = new CancellationTokenSource();
        var services = interrupted.Services.GetService(typeof(EvolutionRun)) as EvolutionRun;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services!.RunAsync(interrupted.DatasetId, new EvolveSettings { Rounds = 2 }, null,
            new InlineProgress<EvolutionProgress>(p =>
            {
                if (p.Done == 12)
                    stop.Cancel();
            }), _ => Task.CompletedTask, stop.Token));
        await interrupted.EvolveAsync(new EvolveSettings { Rounds = 2 });

        Assert.Equal(await whole.ExportAsync(), await interrupted.ExportAsync());
    }

    [Fact]
    public async Task Run_Limit_EvolvesOnlyTheFirstRecords()
    {
        await using var world = await EvolutionWorld.CreateAsync(20);

        await world.EvolveAsync(new EvolveSettings { Rounds = 1, Limit = 5 });

        await using var db = world.Open();
        var first = await db.Records.OrderBy(r => r.Id).Take(5).Select(r => r.Id).ToListAsync();
        Assert.Equal(first, await db.Rounds.Where(r => r.Number == 1).Select(r => r.RecordId).OrderBy(i => i).ToListAsync());
    }

    [Fact]
    public async Task Run_Weights_DrawOnlyTheWeightedDirections()
    {
        await using var world = await EvolutionWorld.CreateAsync(20);

        await world.EvolveAsync(new EvolveSettings { Rounds = 2, Weights = "0,1,0" });

        await using var db = world.Open();
        Assert.All(await db.Rounds.Where(r => r.Number > 0).ToListAsync(), r => Assert.Equal(Direction.Reasoning, r.Direction));
    }

    [Fact]
    public async Task Run_RetryFailed_EvolvesFailedNewestRoundsAgain()
    {
        await using var world = await EvolutionWorld.CreateAsync(40);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1, FaultRate = 1 });
        int failed;
        await using (var db = world.Open())
            failed = await db.Rounds.CountAsync(r => r.Status == RoundStatus.Failed);
        Assert.True(failed > 0);

        var retry = await world.EvolveAsync(new EvolveSettings { Rounds = 1, FaultRate = 0, RetryFailed = true });

        Assert.Equal(failed, retry.Rounds[0].Planned);
        await using var check = world.Open();
        Assert.Equal(0, await check.Rounds.CountAsync(r => r.Status == RoundStatus.Failed));
        Assert.Equal(40, await check.Rounds.CountAsync(r => r.Number == 1));
    }

    [Fact]
    public async Task Run_RetryFailedWithTheSameFaults_ARetryDrawsAnewInsteadOfRepeatingTheFailure()
    {
        await using var world = await EvolutionWorld.CreateAsync(60);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1, FaultRate = 1 });
        int before;
        await using (var db = world.Open())
            before = await db.Rounds.CountAsync(r => r.Status == RoundStatus.Failed);

        await world.EvolveAsync(new EvolveSettings { Rounds = 1, FaultRate = 1, RetryFailed = true });

        await using var check = world.Open();
        Assert.InRange(before, 3, 60);
        Assert.True(await check.Rounds.CountAsync(r => r.Status == RoundStatus.Failed) < before);
        Assert.True(await check.Rounds.CountAsync(r => r.Attempt == 2) >= before);
    }

    [Fact]
    public async Task Run_EverythingEliminatedByReviewer_NextRoundFallsBackToOlderList()
    {
        await using var world = await EvolutionWorld.CreateAsync(6);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1, FaultRate = 0 });
        int recordId;
        await using (var db = world.Open())
        {
            var round = await db.Rounds.Include(r => r.Items).FirstAsync(r => r.Number == 1 && r.Items.Count > 0);
            recordId = round.RecordId;
            foreach (var item in round.Items)
                item.OverrideWith(Decision.Eliminated);
            await db.SaveChangesAsync();
        }

        await world.EvolveAsync(new EvolveSettings { Rounds = 2, FaultRate = 0 });

        await using var check = world.Open();
        var seed = await check.Rounds.SingleAsync(r => r.RecordId == recordId && r.Number == 0);
        Assert.Equal(seed.Id, (await check.Rounds.SingleAsync(r => r.RecordId == recordId && r.Number == 2)).ParentRoundId);
    }

    [Fact]
    public async Task Run_RecordWithoutDetections_GetsFormatRewritesOnly()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("t.json", """
            [{"id": "t", "conversations": [{"from": "human", "value": "Name a primary color."}, {"from": "gpt", "value": "Red is a primary color."}]}]
            """), "shapes");
        await using var world = await EvolutionWorldFrom(store);

        var summary = await world.EvolveAsync(new EvolveSettings { Rounds = 2, FaultRate = 0 });

        Assert.Equal(2, summary.Units);
        await using var db = store.Open();
        Assert.All(await db.Rounds.Where(r => r.Number > 0).ToListAsync(), r => Assert.Equal(Direction.Interaction, r.Direction));
        Assert.All(await db.Instructions.Where(i => i.RoundNumber > 0).ToListAsync(), i => Assert.NotEqual(InstructionFormats.Norm, i.Format));
    }

    private static Task<EvolutionWorld> EvolutionWorldFrom(TestStore store) => EvolutionWorld.WrapAsync(store);
}
