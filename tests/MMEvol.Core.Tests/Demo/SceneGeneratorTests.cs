using MMEvol.Core.Demo;

namespace MMEvol.Core.Tests.Demo;

public sealed class SceneGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_SameScene()
    {
        var first = DemoWorlds.Scenes(20, seed: 3).ToList();
        var second = DemoWorlds.Scenes(20, seed: 3).ToList();

        Assert.Equal(first.Select(s => s.Signature()), second.Select(s => s.Signature()));
        Assert.Equal(first.SelectMany(s => s.Objects), second.SelectMany(s => s.Objects));
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentScenes()
    {
        var first = DemoWorlds.Scenes(20, seed: 3).Select(s => s.Signature());
        var second = DemoWorlds.Scenes(20, seed: 4).Select(s => s.Signature());

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Generate_ManyScenes_TwoToNineObjectsOfEverySize()
    {
        var scenes = DemoWorlds.Scenes(300).ToList();

        Assert.All(scenes, s => Assert.InRange(s.Objects.Count, 2, 9));
        Assert.Contains(scenes, s => s.Objects.Count == 2);
        Assert.Contains(scenes, s => s.Objects.Count == 9);
        Assert.All(Enum.GetValues<ObjectSize>(), size => Assert.Contains(scenes, s => s.Objects.Any(o => o.Size == size)));
    }

    [Fact]
    public void Generate_ManyScenes_ObjectsOverlapButStayMostlyVisible()
    {
        var objects = DemoWorlds.Scenes(300).SelectMany(s => s.Objects).ToList();

        Assert.All(objects, o => Assert.True(o.VisibleArea >= SceneGenerator.MinVisibleShare * o.Area, o.ToString()));
        Assert.InRange(objects.Count(o => o.IsOccluded) / (double)objects.Count, 0.05, 0.6);
    }

    [Fact]
    public void Generate_ManyScenes_ObjectsOfOneColorNeverTouch()
    {
        foreach (var scene in DemoWorlds.Scenes(300))
        {
            var objects = scene.Objects;
            for (var i = 0; i < objects.Count; i++)
            {
                for (var j = i + 1; j < objects.Count; j++)
                {
                    Assert.False(
                        objects[i].Color == objects[j].Color && objects[i].Bounds.Inflate(3).Intersects(objects[j].Bounds),
                        $"{objects[i]} touches {objects[j]}");
                }
            }
        }
    }

    [Fact]
    public void Generate_TrainingScenes_SomeLabelsFarMoreFrequentThanOthers()
    {
        var statistics = LabelStatistics.FromScenes(DemoWorlds.Training.Select(r => r.Scene));
        var frequencies = ShapeVocabulary.AllLabels.Select(statistics.Frequency).Order().ToList();

        var quarter = frequencies.Count / 4;
        Assert.True(frequencies.TakeLast(quarter).Average() >= 4 * frequencies.Take(quarter).Average(), string.Join(",", frequencies));
        Assert.All(frequencies, f => Assert.True(f > 0));
    }

    [Fact]
    public void Constructor_TinyCanvas_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SceneGenerator(16));
    }
}
