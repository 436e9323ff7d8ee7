using System.Text.Json;
using MMEvol.Core.Evolution.Offline;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Offline;

public sealed class OfflineEvolverTests
{
    [Fact]
    public async Task EvolveAsync_SameRequest_IdenticalRaw()
    {
        foreach (var direction in new[] { Direction.Perception, Direction.Reasoning, Direction.Interaction })
        {
            foreach (var record in OfflineWorld.Records.Take(30))
            {
                var request = OfflineWorld.Request(record, direction);

                var first = OfflineWorld.Evolve(request, 0.15);
                var second = await new OfflineEvolver(new OfflineEvolverOptions()).EvolveAsync(request with { }, CancellationToken.None);

                Assert.Equal(first.Raw, second.Raw);
                Assert.Equal(first.Faults, second.Faults);
                Assert.Equal(first.ResponseFault, second.ResponseFault);
            }
        }
    }

    [Fact]
    public void EvolveAsync_OtherSeedOrRound_DifferentRaw()
    {
        var records = OfflineWorld.Records.Take(30).ToList();
        string Raw(int seed, int round) => string.Concat(records.Select(r =>
            OfflineWorld.Evolve(OfflineWorld.Request(r, Direction.Reasoning, round: round, seed: seed)).Raw));

        Assert.NotEqual(Raw(1, 1), Raw(2, 1));
        Assert.NotEqual(Raw(1, 1), Raw(1, 2));
    }

    [Fact]
    public void EvolveAsync_AnyDirection_OneParsableItemPerParentAndModelAnswerFields()
    {
        foreach (var step in OfflineWorld.Rounds(120, 3, 0.15, OfflineWorld.DirectionOf).Where(s => s.Response.ResponseFault is null))
        {
            Assert.Equal(step.Request.Parents.Count, step.Items.Count);
            Assert.Equal(step.Items.Count, step.Response.Faults!.Count);
            Assert.Equal(("offline", "offline-1", 0), (step.Response.Model, step.Response.PromptVersion, step.Response.LatencyMs));
            Assert.All(step.Pairs, p =>
            {
                Assert.Equal(p.Parent.ImagePosition, p.Item.ImagePosition);
                Assert.All(p.Item.Skills, s => Assert.Contains(s, AtomicSkills.All));
            });
        }
    }

    [Fact]
    public void EvolveAsync_RawJson_UsesTheItemSchemaKeysInExportOrder()
    {
        var raw = OfflineWorld.Evolve(OfflineWorld.Request(OfflineWorld.Records[0], Direction.Reasoning)).Raw;

        using var document = JsonDocument.Parse(raw);
        var keys = document.RootElement[0].EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(["image_position", "objects", "skills", "format", "question", "steps", "answer"], keys);
        Assert.Equal(["manipulation", "description"], document.RootElement[0].GetProperty("steps")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void EvolveAsync_MosaicQuarterParent_KeepsItsImagePosition()
    {
        var record = OfflineWorld.Records[3];
        var parents = OfflineWorld.Seeds(record).Select(p => p with { ImagePosition = "lower right" }).ToList();

        foreach (var direction in new[] { Direction.Perception, Direction.Reasoning, Direction.Interaction })
        {
            var items = OfflineWorld.Items(OfflineWorld.Evolve(OfflineWorld.Request(record, direction, parents)).Raw);
            Assert.All(items, i => Assert.Equal("lower right", i.ImagePosition));
        }
    }

    [Fact]
    public void EvolveAsync_SeedDirectionOrBadRate_Throws()
    {
        var request = OfflineWorld.Request(OfflineWorld.Records[0], Direction.Seed);

        Assert.Throws<ArgumentOutOfRangeException>(() => OfflineWorld.Evolve(request));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OfflineEvolver(new OfflineEvolverOptions(1.5)));
    }

    [Fact]
    public void EvolveAsync_NoParents_EmptyList()
    {
        var response = OfflineWorld.Evolve(OfflineWorld.Request(OfflineWorld.Records[0], Direction.Perception, []));

        Assert.Equal("[]", response.Raw);
        Assert.Empty(response.Faults!);
    }

    [Fact]
    public void EvolveAsync_StepBoxes_QuotedFromTheDetectionsToThreeDecimals()
    {
        foreach (var step in OfflineWorld.Rounds(150, 3, 0, OfflineWorld.DirectionOf))
        {
            var boxes = step.Record.Detections.Select(SceneTruth.Box).ToHashSet();
            foreach (var s in step.Items.SelectMany(i => i.Steps))
            {
                Assert.All(System.Text.RegularExpressions.Regex.Matches(s.Description, @"\[[^\]]+\]"), m => Assert.Contains(m.Value, boxes));
                var grounded = System.Text.RegularExpressions.Regex.Match(s.Manipulation, @"^Grounding_\d+\((.+)\)->bbx_\d+$");
                if (grounded.Success && step.Record.Detections.Count(d => d.Label == grounded.Groups[1].Value) == 1)
                    Assert.Contains(SceneTruth.Box(step.Record.Detections.Single(d => d.Label == grounded.Groups[1].Value)), s.Description);
            }
        }
    }
}
