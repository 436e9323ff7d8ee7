using System.Text.Json;
using MMEvol.Core.Elimination;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;
using static MMEvol.Core.Tests.Elimination.JudgeScenes;

namespace MMEvol.Core.Tests.Elimination;

public sealed class HeuristicJudgeTests
{
    private static readonly SourceItem Seed = SourceItem.Plain("What shapes are in the picture?", "I can see two triangles, a circle and a square.");

    private static readonly SourceItem Reasoning = Item(
        "Which is larger, the red circle or the blue square, and how many triangles are above the blue square?",
        "First, ground the red circle in the top left and the blue square in the bottom right. Comparing their boxes, " +
        "the square covers about twice the area of the circle. Both triangles lie above the square's top edge only " +
        "partly, and the green triangle is clearly above it. So the blue square is larger than the red circle.",
        steps: 3, objects: ["red circle", "blue square", "green triangle"], skills: 3);

    [Fact]
    public void Judge_AnswerableWithoutTheImage_NotImprovedScoreZero()
    {
        var verdict = JudgeOne(SourceItem.Plain("What is the capital of France?", "Paris is the capital of France."), Seed);

        Assert.False(verdict.Improved);
        Assert.Equal(0, verdict.Score);
        Assert.Contains("without the image", verdict.Reason);
    }

    [Fact]
    public void Judge_UnchangedRewrite_NotImproved()
    {
        var verdict = JudgeOne(Seed with { Answer = "I can see two triangles, a circle, and a square" }, Seed);

        Assert.False(verdict.Improved);
        Assert.Contains(CheapChecks.NoNewInformation, verdict.Reason);
    }

    [Fact]
    public void Judge_ApologyRewrite_NotImprovedScoreZero()
    {
        var verdict = JudgeOne(SourceItem.Plain("Where is the red circle?", "Sorry, I cannot tell where the red circle is."), Seed);

        Assert.False(verdict.Improved);
        Assert.Equal(0, verdict.Score);
    }

    [Fact]
    public void Judge_RicherMultiStepItemOverPlainSeed_ImprovedWithHigherScore()
    {
        var seed = JudgeOne(Seed);
        var verdict = JudgeOne(Reasoning, Seed);

        Assert.True(verdict.Improved, verdict.Reason);
        Assert.InRange(verdict.Score!.Value, 6, 8);
        Assert.True(verdict.Score > seed.Score);
        Assert.StartsWith("richer than its parent", verdict.Reason);
    }

    [Fact]
    public void Judge_PoorerRewrite_NotImproved()
    {
        var verdict = JudgeOne(SourceItem.Plain("How many shapes are there?", "There are four shapes."), Reasoning);

        Assert.False(verdict.Improved);
        Assert.StartsWith("no richer than its parent", verdict.Reason);
    }

    [Fact]
    public void Judge_FormatChangeWithEqualContent_Improved()
    {
        var parent = Item("Which shape is the largest?", "The blue square is the largest shape.", format: "depth_order");
        var rewrite = Item("Which one is the largest shape?", "The largest one is the blue square.", format: "multi_choice");

        var verdict = JudgeOne(rewrite, parent);

        Assert.True(verdict.Improved, verdict.Reason);
        Assert.Contains("format", verdict.Reason);
    }

    [Fact]
    public void Judge_WrongRichItem_NotImprovedLowScore()
    {
        var wrong = Reasoning with { Answer = Reasoning.Answer.Replace("So the blue square is larger", "So the blue square is smaller", StringComparison.Ordinal) };

        var verdict = JudgeOne(wrong, Seed);

        Assert.False(verdict.Improved);
        Assert.True(verdict.Score < 2);
        Assert.Contains("the blue square is larger than the red circle", verdict.Reason);
    }

    [Theory]
    [InlineData("What shapes are in the picture?", "I can see two triangles, a circle and a square.")]
    [InlineData("How many shapes are there in the image?", "There are four shapes.")]
    [InlineData("Where is the red circle?", "The red circle is in the top left corner of the picture.")]
    [InlineData("What color is the background?", "The background is cream.")]
    public void Judge_SeedItemOnItsOwn_ImprovedInSeedRange(string question, string answer)
    {
        var verdict = JudgeOne(SourceItem.Plain(question, answer));

        Assert.True(verdict.Improved, verdict.Reason);
        Assert.InRange(verdict.Score!.Value, 3, 5);
        Assert.StartsWith("scored on its own", verdict.Reason);
        Assert.Equal(HeuristicJudge.JudgeName, verdict.Judge);
    }

    [Fact]
    public void Judge_MoreItemsThanParents_VerdictPerItemInOrder()
    {
        var items = new[] { Reasoning, Seed, SourceItem.Plain("What is 2 + 2?", "4."), Reasoning };

        var verdicts = HeuristicJudge.Judge(Request(items, [Seed]));

        Assert.Equal(items.Length, verdicts.Count);
        Assert.True(verdicts[0].Improved);
        Assert.Equal(CheapChecks.NoNewInformation, verdicts[1].Reason![^CheapChecks.NoNewInformation.Length..]);
        Assert.Equal(0, verdicts[2].Score);
        Assert.Contains("parent list", verdicts[3].Reason);
    }

    [Fact]
    public async Task JudgeAsync_SameRequestTwice_SameVerdictsAndRaw()
    {
        var judge = new HeuristicJudge();
        var request = Request([Reasoning, Seed, SourceItem.Plain("Is there a red circle?", "No.")], [Seed, Seed]);

        var first = await judge.JudgeAsync(request, CancellationToken.None);
        var second = await judge.JudgeAsync(request, CancellationToken.None);

        Assert.Equal(first.Verdicts, second.Verdicts);
        Assert.Equal(first.Raw, second.Raw);
        Assert.Equal("heuristic", first.Judge);
        Assert.Equal(0, first.LatencyMs);
        Assert.Null(first.FailureReason);
    }

    [Fact]
    public async Task JudgeAsync_Raw_IsJsonListOfVerdicts()
    {
        var response = await new HeuristicJudge().JudgeAsync(Request([Reasoning, SourceItem.Plain("Is there a red circle?", "No.")], [Seed]), CancellationToken.None);

        using var raw = JsonDocument.Parse(response.Raw);
        var verdicts = raw.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, verdicts.Count);
        Assert.Equal("yes", verdicts[0].GetProperty("improved").GetString());
        Assert.Equal("no", verdicts[1].GetProperty("improved").GetString());
        Assert.Equal(response.Verdicts![0].Score, verdicts[0].GetProperty("score").GetDouble());
        Assert.Equal(response.Verdicts[1].Reason, verdicts[1].GetProperty("reason").GetString());
    }

    [Fact]
    public void Judge_Scores_RealNumbersWithOneDecimalWithinRange()
    {
        var verdicts = HeuristicJudge.Judge(Request([Reasoning, Seed, Reasoning with { Format = "multi_choice" }], [Seed]));

        Assert.All(verdicts, v => Assert.InRange(v.Score!.Value, 0, 10));
        Assert.All(verdicts, v => Assert.Equal(Math.Round(v.Score!.Value, 1), v.Score));
    }

    [Fact]
    public void Judge_HugeRunOnText_JudgedQuickly()
    {
        var runOn = string.Concat(Enumerable.Repeat("the red circle is left of the blue square and ", 2000));
        var item = SourceItem.Plain("Which is left, " + runOn + "?", runOn + "there are 9 triangles in the image is");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var verdict = JudgeOne(item, Seed);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.NotNull(verdict.Score);
    }

    [Fact]
    public void Judge_EmptyItems_NoVerdicts()
    {
        Assert.Empty(HeuristicJudge.Judge(Request([], [Seed])));
    }
}
