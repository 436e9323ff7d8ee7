using MMEvol.Core.Demo;

namespace MMEvol.Core.Tests.Demo;

public sealed class BenchmarkBuilderTests
{
    private static IEnumerable<(BenchmarkScene Scene, BenchmarkItem Item)> Items =>
        DemoWorlds.Benchmark.SelectMany(s => s.Items.Select(i => (s, i)));

    [Fact]
    public void Build_DefaultWorld_EveryAnswerMatchesTheScene()
    {
        Assert.All(Items, x => Assert.Equal(BenchmarkOracle.Answer(x.Scene.Scene, x.Item), x.Item.Answer));
    }

    [Fact]
    public void Build_DefaultWorld_EveryCategoryWellRepresentedAndIdsUnique()
    {
        var items = Items.Select(x => x.Item).ToList();

        Assert.All(BenchmarkCategories.All, c => Assert.True(items.Count(i => i.Category == c) >= 50, c));
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        Assert.All(Items, x => Assert.Equal(x.Scene.ImageFile, x.Item.Image));
        Assert.All(items, i => Assert.Equal(i.Category == BenchmarkCategories.Existence, i.Sampling is not null));
    }

    [Fact]
    public void Existence_EachSampling_BalancedYesNoWithTrulyAbsentObjects()
    {
        foreach (var sampling in PopeSamplings.All)
        {
            var items = Items.Where(x => x.Item.Sampling == sampling).ToList();

            Assert.Equal(DemoWorlds.Benchmark.Count, items.Count(x => x.Item.Answer == "yes"));
            Assert.Equal(DemoWorlds.Benchmark.Count, items.Count(x => x.Item.Answer == "no"));
            Assert.All(items.Where(x => x.Item.Answer == "no"),
                x => Assert.DoesNotContain(Label(x.Item), x.Scene.Scene.Labels()));
        }
    }

    [Fact]
    public void Existence_Popular_AbsentObjectsMoreFrequentInTrainingThanRandom()
    {
        var statistics = TrainingStatistics();

        var random = MeanOverNo(PopeSamplings.Random, (_, label) => statistics.Frequency(label));
        var popular = MeanOverNo(PopeSamplings.Popular, (_, label) => statistics.Frequency(label));

        Assert.True(popular > 1.5 * random, $"popular {popular}, random {random}");
    }

    [Fact]
    public void Existence_Adversarial_AbsentObjectsCoOccurMoreWithTheSceneThanRandom()
    {
        var statistics = TrainingStatistics();
        double CoOccurrence(Scene scene, string label) => statistics.CoOccurrence(scene.Labels(), label);

        var random = MeanOverNo(PopeSamplings.Random, CoOccurrence);
        var adversarial = MeanOverNo(PopeSamplings.Adversarial, CoOccurrence);
        var popular = MeanOverNo(PopeSamplings.Popular, CoOccurrence);

        Assert.True(adversarial > 1.5 * random, $"adversarial {adversarial}, random {random}");
        Assert.True(adversarial > popular, $"adversarial {adversarial}, popular {popular}");
    }

    [Fact]
    public void Benchmark_Scenes_NeverRepeatATrainingScene()
    {
        var training = DemoWorlds.Training.Select(r => r.Scene.Signature()).ToHashSet();

        Assert.All(DemoWorlds.Benchmark, b => Assert.DoesNotContain(b.Scene.Signature(), training));
        Assert.Equal(DemoWorlds.Benchmark.Count, DemoWorlds.Benchmark.Select(b => b.Scene.Signature()).Distinct().Count());
    }

    [Fact]
    public void Benchmark_SameOptions_SameItems()
    {
        var options = new ShapesWorldOptions(Images: 30, BenchmarkImages: 10, Seed: 5);

        var first = ShapesWorldBuilder.Benchmark(options, ShapesWorldBuilder.Training(options));
        var second = ShapesWorldBuilder.Benchmark(options, ShapesWorldBuilder.Training(options));

        Assert.Equal(BenchmarkJson.Serialize(first.SelectMany(s => s.Items).ToList()),
            BenchmarkJson.Serialize(second.SelectMany(s => s.Items).ToList()));
    }

    private static LabelStatistics TrainingStatistics() =>
        LabelStatistics.FromScenes(DemoWorlds.Training.Select(r => r.Scene));

    private static double MeanOverNo(string sampling, Func<Scene, string, double> measure) =>
        Items.Where(x => x.Item.Sampling == sampling && x.Item.Answer == "no")
            .Average(x => measure(x.Scene.Scene, Label(x.Item)));

    private static string Label(BenchmarkItem item) =>
        System.Text.RegularExpressions.Regex.Match(item.Question, "^Is there an? (.+) in the image\\?$").Groups[1].Value;
}
