using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Statistics;
using MMEvol.Core.Tests.Evolution.Offline;
using Xunit.Abstractions;

namespace MMEvol.Core.Tests.Evolution;

/// <summary>
/// Issue 3's end-to-end figures on the Shapes world (300 images x 3 rounds, 15% simulated faults):
/// the data gets richer round after round as the paper reports, what is kept is correct, and the
/// judge catches the faults that matter most.
/// </summary>
public sealed class EvolutionQualityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EvolutionWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await EvolutionWorld.CreateAsync(300, seed: 21);
        await _world.JudgeAsync(new JudgeSettings(Round: 0));
        await _world.EvolveAsync(new EvolveSettings { Rounds = 3, Seed = 21 });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task ThreeRounds_MeanScoreStepsAndSkillsPerKeptItemRise()
    {
        await using var db = _world.Open();
        var perRound = await db.Instructions.Where(i => i.FinalDecision == Decision.Kept)
            .GroupBy(i => i.RoundNumber)
            .Select(g => new { Round = g.Key, Score = g.Average(i => i.JudgeScore), Steps = g.Average(i => (double)i.Metrics.Steps), Skills = g.Average(i => (double)i.Metrics.Skills) })
            .OrderBy(r => r.Round).ToListAsync();
        foreach (var r in perRound)
            output.WriteLine($"round {r.Round}: score {r.Score:0.00}, steps {r.Steps:0.00}, skills {r.Skills:0.00} per kept item");

        Assert.Equal([0, 1, 2, 3], perRound.Select(r => r.Round));
        for (var i = 1; i < perRound.Count; i++)
        {
            Assert.True(perRound[i].Score > perRound[i - 1].Score, $"score fell in round {i}");
            Assert.True(perRound[i].Steps > perRound[i - 1].Steps, $"steps fell in round {i}");
            Assert.True(perRound[i].Skills > perRound[i - 1].Skills, $"skills fell in round {i}");
        }
    }

    [Fact]
    public async Task ThreeRounds_EveryKeptReasoningAnswerIsCorrectForItsScene()
    {
        await using var db = _world.Open();
        var kept = await db.Instructions.Where(i => i.Direction == Direction.Reasoning && i.FinalDecision == Decision.Kept).ToListAsync();
        var scenes = await db.Records.ToDictionaryAsync(r => r.Id, r => r.Detections);

        var wrong = kept.Select(i => (Item: i, Why: ItemOracle.Disagreement(Judgement.ToSource(i), scenes[i.RecordId])))
            .Where(x => x.Why is not null).ToList();

        output.WriteLine($"{kept.Count} kept reasoning items checked");
        Assert.True(kept.Count > 200);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(5).Select(w => $"{w.Item.Question} -> {w.Item.Answer}: {w.Why}")));
    }

    [Fact]
    public async Task ThreeRounds_JudgeCatchesHallucinationsAndWrongAnswers()
    {
        await using var db = _world.Open();
        var quality = await JudgeQuality.ComputeAsync(db, _world.DatasetId, CancellationToken.None);

        Assert.NotNull(quality);
        foreach (var kind in quality.Kinds)
            output.WriteLine($"{kind.Kind}: {kind.Rejected}/{kind.Total} caught, recall {kind.Recall:P1}, precision {kind.Precision:P1}");
        output.WriteLine($"clean items rejected: {quality.CleanRejected}/{quality.Clean}; overall precision {quality.Precision:P1}");
        Assert.Equal(Enum.GetValues<FaultKind>().Order(), quality.Kinds.Select(k => k.Kind).Order());
        Assert.True(quality.Kinds.Single(k => k.Kind == FaultKind.HallucinatedObject).Recall >= 0.9);
        Assert.True(quality.Kinds.Single(k => k.Kind == FaultKind.WrongAnswer).Recall >= 0.9);
        Assert.All(quality.Kinds, k => Assert.True(k.Total >= 10, $"too few {k.Kind} faults to measure"));
    }

    [Fact]
    public async Task ThreeRounds_ImprovedShareAndSeedScoreAreReported()
    {
        await using var db = _world.Open();
        var stats = await DatasetStats.ComputeAsync(db, "shapes");

        foreach (var round in stats.Rounds)
            output.WriteLine($"round {round.Round} {round.Direction}: {round.Items} items, improved {round.ImprovedShare:P1}, kept {round.KeptShare:P1}, score {round.MeanScore:0.00}");
        var seed = stats.Rounds.Single(r => r.Round == 0);
        Assert.NotNull(seed.MeanScore);
        Assert.All(stats.Rounds.Where(r => r.Round > 0), r => Assert.InRange(r.ImprovedShare!.Value, 0.2, 1.0));
    }
}
