using MMEvol.Core.Demo;
using MMEvol.Training.Evaluation;
using MMEvol.Training.Probe;
using MMEvol.Training.Tests.Probe;

namespace MMEvol.Training.Tests.Evaluation;

public sealed class ProbeEvaluatorTests : IDisposable
{
    private readonly ShapesSamples _world = new(images: 40);

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Evaluate_TrainedProbe_EveryItemAnsweredWithinItsType()
    {
        var run = _world.NewRunDirectory();
        new ProbeTrainer(ShapesSamples.TinyOptions(steps: 30)).Train(_world.Samples, run, null, CancellationToken.None);
        var items = BenchmarkJson.ReadFile(_world.World.BenchmarkFile);
        using var probe = TrainedProbe.Load(run);

        var result = ProbeEvaluator.Evaluate(probe, items, _world.World.BenchmarkImageDirectory, batchSize: 16);

        Assert.Equal(items.Count, result.Answers.Count);
        Assert.Equal(items.Select(i => i.Id), result.Answers.Select(a => a.Id));
        Assert.Equal(items.Count, result.Categories.Sum(c => c.Items));
        foreach (var (item, answer) in items.Zip(result.Answers))
        {
            var allowed = AnswerSets.For(item);
            Assert.Equal(allowed is not null, answer.Closed);
            // Seed answers are sentences ("There are three shapes."): a type none of whose words the tokenizer knows gets no answer.
            if (allowed is not null && allowed.Any(a => probe.Tokenizer.SingleId(a) is not null))
                Assert.Contains(answer.Given, allowed);
            else if (allowed is not null)
                Assert.Equal("", answer.Given);
        }
        Assert.Contains(result.Answers, a => !a.Closed); // "Which is higher, the purple circle or the red diamond?"
        var existence = items.Where(i => i.Category == BenchmarkCategories.Existence).ToList();
        Assert.Equal(existence.Select(i => i.Sampling).Distinct().Order(), result.Pope.Select(p => p.Sampling));
        Assert.Equal(existence.Count, result.Pope.Sum(p => p.TruePositives + p.FalsePositives + p.TrueNegatives + p.FalseNegatives));

        // The same weights answer the same way.
        var again = ProbeEvaluator.Evaluate(probe, items, _world.World.BenchmarkImageDirectory, batchSize: 7);
        Assert.Equal(result.Answers.Select(a => a.Given), again.Answers.Select(a => a.Given));
    }

    [Fact]
    public void Pope_FromAnswers_PrecisionRecallF1AndYesRatio()
    {
        ItemAnswer Existence(string expected, string given) => new("q", BenchmarkCategories.Existence, PopeSamplings.Popular, expected, given, Closed: true);
        var answers = new[]
        {
            Existence("yes", "yes"), Existence("yes", "yes"), Existence("yes", "yes"), Existence("yes", "no"),
            Existence("no", "yes"), Existence("no", "no"), Existence("no", "no"), Existence("no", "no"),
        };

        var pope = Assert.Single(BenchmarkResult.From(answers).Pope);

        Assert.Equal((3, 1, 3, 1), (pope.TruePositives, pope.FalsePositives, pope.TrueNegatives, pope.FalseNegatives));
        Assert.Equal(0.75, pope.Accuracy, 9);
        Assert.Equal(0.75, pope.Precision, 9);
        Assert.Equal(0.75, pope.Recall, 9);
        Assert.Equal(0.75, pope.F1, 9);
        Assert.Equal(0.5, pope.YesRatio, 9);
    }

    [Theory]
    [InlineData("yes", "no")]
    [InlineData("left", "right")]
    [InlineData("purple", "black")]
    [InlineData("3", "0")]
    public void AnswerSets_ClosedTypes_HoldTheWholeType(string answer, string sibling)
    {
        var set = AnswerSets.For(new BenchmarkItem("q", "x.png", "any", null, "?", answer, null));

        Assert.NotNull(set);
        Assert.Contains(sibling, set);
    }

    [Fact]
    public void AnswerSets_ChoicesAndFreeForm()
    {
        Assert.Equal(["A", "B", "C"], AnswerSets.For(new BenchmarkItem("q", "x.png", "multiple_choice", null, "?", "B", ["1", "2", "3"])));
        Assert.Null(AnswerSets.For(new BenchmarkItem("q", "x.png", "comparison", null, "?", "purple circle", null)));
    }
}
