using MMEvol.Training.Probe;

namespace MMEvol.Training.Tests.Probe;

public sealed class ImagePixelsTests
{
    [Fact]
    public void Load_TwoScenes_ChannelFirstValuesInRangeThatDiffer()
    {
        using var world = new ShapesSamples(images: 4);
        var files = world.World.Records.Select(r => Path.Combine(world.World.ImageDirectory, r.ImageFile)).Take(2).ToList();

        var first = ImagePixels.Load(files[0], 32);
        var second = ImagePixels.Load(files[1], 32);

        Assert.Equal(3 * 32 * 32, first.Length);
        Assert.All(first, v => Assert.InRange(v, -1f, 1f));
        var mean = first.Average();
        Assert.True(Math.Sqrt(first.Average(v => (v - mean) * (v - mean))) > 0.05, "a scene is not one flat color");
        Assert.True(first.Zip(second).Average(p => Math.Abs(p.First - p.Second)) > 0.01, "two scenes give different pixels");
    }

    [Fact]
    public void Load_NotAnImage_ClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mmevol-not-an-image-{Guid.NewGuid():N}.png");
        File.WriteAllText(path, "hello");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => ImagePixels.Load(path, 32));
            Assert.Contains("not an image format", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
