using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Offline;

/// <summary>Every clean answer the evolver writes is confirmed by the independent oracle.</summary>
public sealed class OracleTests
{
    [Fact]
    public void EvolveAsync_ThreeChainedRounds_EveryCleanAnswerMatchesTheScene()
    {
        var checkedItems = 0;
        var problems = new List<string>();
        foreach (var step in OfflineWorld.Rounds(300, 3, 0.15, OfflineWorld.DirectionOf))
        {
            foreach (var (item, _, fault) in step.Pairs.Where(p => p.Fault is null))
            {
                checkedItems++;
                try
                {
                    if (ItemOracle.Disagreement(item, step.Record.Detections) is { } problem)
                        problems.Add($"{step.Record.Id} r{step.Request.Round} {item.Format}: {item.Question} -> {problem}");
                }
                catch (UnfairQuestionException e)
                {
                    problems.Add($"{step.Record.Id} r{step.Request.Round} {item.Format}: {item.Question} -> unfair: {e.Message}");
                }
            }
        }

        Assert.True(checkedItems > 1000, $"only {checkedItems} items checked");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Theory]
    [InlineData(Direction.Perception)]
    [InlineData(Direction.Reasoning)]
    [InlineData(Direction.Interaction)]
    public void EvolveAsync_OneDirectionThreeRounds_EveryAnswerMatchesTheScene(Direction direction)
    {
        foreach (var step in OfflineWorld.Rounds(200, 3, 0, (_, _) => direction))
        {
            foreach (var item in step.Items)
                Assert.Null(ItemOracle.Disagreement(item, step.Record.Detections));
        }
    }

    [Fact]
    public void EvolveAsync_WrongAnswerFault_OracleDisagrees()
    {
        var wrong = OfflineWorld.Rounds(400, 3, 0.3, OfflineWorld.DirectionOf)
            .SelectMany(s => s.Items.Count == 0 ? [] : s.Pairs.Where(p => p.Fault == FaultKind.WrongAnswer).Select(p => (p.Item, s.Record)))
            .ToList();

        Assert.True(wrong.Count > 50, $"only {wrong.Count} wrong answers");
        Assert.All(wrong, w => Assert.NotNull(ItemOracle.Disagreement(w.Item, w.Record.Detections)));
    }
}
