using MMEvol.Core.Evolution;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Offline;

/// <summary>Detections from real data sets: plain labels, repeated labels and boxes, degenerate boxes.</summary>
public sealed class ArbitraryDetectionTests
{
    private static readonly string[] Labels =
        ["person", "dog", "traffic light", "red car", "blue car", "bus", "cross", "white cup", "sky", "puppy", "glass"];

    [Fact]
    public void EvolveAsync_ArbitraryDetections_NeverThrowsAndAlwaysParses()
    {
        var random = new Random(17);
        for (var i = 0; i < 400; i++)
        {
            var detections = Enumerable.Range(0, random.Next(1, 12)).Select(_ => Box(random)).ToList();
            if (random.Next(5) == 0)
                detections.Add(detections[0]);
            var parents = new List<SourceItem>
            {
                SourceItem.Plain("What is in the picture?", "A street with some cars."),
                SourceItem.Plain("Is it daytime?", "Yes, the sky is bright."),
            };
            for (var round = 1; round <= 3; round++)
            {
                var request = new EvolutionRequest($"key{i}", round, (Direction)(1 + random.Next(3)), null, detections, null, parents, 9);
                var response = OfflineWorld.Evolve(request, 0.3);
                if (response.ResponseFault is not null)
                    continue;
                var items = OfflineWorld.Items(response.Raw);
                Assert.Equal(parents.Count, items.Count);
                parents = items.ToList();
            }
        }
    }

    [Fact]
    public void EvolveAsync_PlainLabels_AnswersStillMatchTheBoxes()
    {
        var random = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            var detections = Enumerable.Range(0, random.Next(2, 9)).Select(_ => Box(random)).Where(d => d.Area > 0).ToList();
            IReadOnlyList<SourceItem> parents = [SourceItem.Plain("Describe the scene.", "A busy street.")];
            for (var round = 1; round <= 3; round++)
            {
                var request = new EvolutionRequest($"plain{i}", round, (Direction)(1 + ((i + round) % 3)), null, detections, null, parents, 1);
                parents = OfflineWorld.Items(OfflineWorld.Evolve(request).Raw);
                Assert.All(parents, item => Assert.Null(ItemOracle.Disagreement(item, detections)));
            }
        }
    }

    private static Detection Box(Random random)
    {
        double x = Math.Round(random.NextDouble() * 0.9, 3), y = Math.Round(random.NextDouble() * 0.9, 3);
        double w = Math.Round(random.NextDouble() * 0.3, 3), h = Math.Round(random.NextDouble() * 0.3, 3);
        return new Detection(Labels[random.Next(Labels.Length)], x, y, Math.Min(1, x + w), Math.Min(1, y + h));
    }
}
