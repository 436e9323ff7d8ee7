using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution;

/// <summary>Grouped commits: each unit stands or falls alone inside the group's transaction.</summary>
public sealed class UnitWriterTests
{
    [Fact]
    public async Task Commit_GroupWithARoundThatExists_OnlyThatUnitSkippedAndTheOthersWritten()
    {
        await using var world = await EvolutionWorld.CreateAsync(images: 6);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1, Seed = 3 });
        await using var db = world.Open();
        var firstRounds = await db.Rounds.AsNoTracking().Where(r => r.Number == 1).OrderBy(r => r.RecordId).ToListAsync();
        var roundsBefore = await db.Rounds.CountAsync();
        var itemsBefore = await db.Instructions.CountAsync();

        bool[] written;
        using (var writer = new UnitWriter(db))
        {
            // Sent together, so that (at least some of) them share one transaction: the duplicate sits in the middle.
            var units = new[] { Unit(firstRounds[0], 2, world.DatasetId), Unit(firstRounds[1], 1, world.DatasetId), Unit(firstRounds[2], 2, world.DatasetId), Unit(firstRounds[3], 2, world.DatasetId) }
                .Select(u => writer.CommitAsync(u.Round, u.Items, replaces: null))
                .ToList();
            written = await Task.WhenAll(units);
        }

        Assert.Equal([true, false, true, true], written);
        await using var check = world.Open();
        Assert.Equal(roundsBefore + 3, await check.Rounds.CountAsync());
        Assert.Equal(itemsBefore + 6, await check.Instructions.CountAsync());
        Assert.Equal(1, await check.Rounds.CountAsync(r => r.RecordId == firstRounds[1].RecordId && r.Number == 1));
        foreach (var record in new[] { firstRounds[0], firstRounds[2], firstRounds[3] })
            Assert.Equal(2, await check.Instructions.CountAsync(i => i.RecordId == record.RecordId && i.RoundNumber == 2));
    }

    [Fact]
    public async Task Commit_ReplacingARoundThatIsNotFailed_Skipped()
    {
        await using var world = await EvolutionWorld.CreateAsync(images: 2);
        await world.EvolveAsync(new EvolveSettings { Rounds = 1, Seed = 3 });
        await using var db = world.Open();
        var first = await db.Rounds.AsNoTracking().FirstAsync(r => r.Status != RoundStatus.Failed);
        var roundsBefore = await db.Rounds.CountAsync();

        bool written;
        using (var writer = new UnitWriter(db))
        {
            var unit = Unit(first, 2, world.DatasetId);
            written = await writer.CommitAsync(unit.Round, unit.Items, replaces: first.Id);
        }

        Assert.False(written);
        await using var check = world.Open();
        Assert.Equal(roundsBefore, await check.Rounds.CountAsync());
        Assert.True(await check.Rounds.AnyAsync(r => r.Id == first.Id));
    }

    /// <summary>A unit for the record of <paramref name="parent"/> at round <paramref name="number"/>, with two items.</summary>
    private static (EvolutionRound Round, List<Instruction> Items) Unit(EvolutionRound parent, int number, int datasetId)
    {
        var round = new EvolutionRound
        {
            RecordId = parent.RecordId,
            Number = number,
            Direction = Direction.Reasoning,
            ParentRoundId = parent.Id,
            Status = RoundStatus.Evolved,
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
        var items = Enumerable.Range(0, 2).Select(i => new Instruction
        {
            DatasetId = datasetId,
            RecordId = parent.RecordId,
            RoundNumber = number,
            Direction = Direction.Reasoning,
            Index = i,
            Question = $"Question {i} of round {number}?",
            Answer = $"Answer {i}.",
        }).ToList();
        return (round, items);
    }
}
