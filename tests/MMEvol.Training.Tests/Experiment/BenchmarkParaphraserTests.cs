using MMEvol.Core.Demo;
using MMEvol.Training.Experiment;
using MMEvol.Training.Probe;

namespace MMEvol.Training.Tests.Experiment;

public sealed class BenchmarkParaphraserTests
{
    private static readonly WordTokenizer Seen = WordTokenizer.Build([
        "Can you see a red circle in this picture? How many squares does the picture show?",
        "Is the blue square to the right of the red circle? What is the color of the circle?",
        "Of the red circle and the blue square, which one is further left? Is the square below the circle?",
    ]);

    [Theory]
    [InlineData("Is there a red circle in the image?", "Can you see a red circle in this picture?")]
    [InlineData("How many squares are there in the image?", "How many squares does the picture show?")]
    [InlineData("What color is the circle?", "What is the color of the circle?")]
    [InlineData("Is the red circle to the left of the blue square?", "Is the blue square to the right of the red circle?")]
    [InlineData("Which is further left, the red circle or the blue square?", "Of the red circle and the blue square, which one is further left?")]
    [InlineData("Is the circle above the square?", "Is the square below the circle?")]
    public void Rewrite_KnownForm_FirstRewriteInSeenWords(string question, string expected) =>
        Assert.Equal(expected, BenchmarkParaphraser.Rewrite(question, Seen));

    [Fact]
    public void Rewrite_NoRewriteInSeenWords_LeftOut()
    {
        // "larger"/"smaller" never occur in the training texts above.
        Assert.Null(BenchmarkParaphraser.Rewrite("Is the red circle larger than the blue square?", Seen));
        Assert.Null(BenchmarkParaphraser.Rewrite("Describe the picture.", Seen));
    }

    [Fact]
    public void Paraphrase_KeepsIdsAnswersAndCategories()
    {
        var items = new[]
        {
            new BenchmarkItem("q1", "b.png", BenchmarkCategories.Existence, PopeSamplings.Random, "Is there a red circle in the image?", "yes", null),
            new BenchmarkItem("q2", "b.png", BenchmarkCategories.Comparison, null, "Is the red circle larger than the blue square?", "no", null),
        };

        var paraphrased = Assert.Single(BenchmarkParaphraser.Paraphrase(items, Seen));

        Assert.Equal(items[0] with { Question = "Can you see a red circle in this picture?" }, paraphrased);
    }

    [Fact]
    public void Paraphrase_GeneratedBenchmark_EveryFormOfTheBuilderIsKnown()
    {
        using var world = new Probe.ShapesSamples(images: 30);
        var items = BenchmarkJson.ReadFile(world.World.BenchmarkFile).Where(i => i.Choices is null).ToList();
        // With every word allowed, only a form the paraphraser does not know is left out.
        var everything = WordTokenizer.Build(items.Select(i => i.Question).Concat([
            "can you see this picture does the show what is number of which color have side on half bottom top right below smaller fewer do and",
        ]), int.MaxValue);

        var unknown = items.Where(i => BenchmarkParaphraser.Rewrite(i.Question, everything) is null).Select(i => i.Question).ToList();

        Assert.Empty(unknown);
    }
}
