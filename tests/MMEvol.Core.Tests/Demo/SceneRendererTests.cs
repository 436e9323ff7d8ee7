using MMEvol.Core.Demo;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MMEvol.Core.Tests.Demo;

public sealed class SceneRendererTests
{
    [Fact]
    public void RenderPng_Scene_DecodesToCanvasSize()
    {
        var scene = new SceneGenerator(200).Generate(new Random(5));

        var png = SceneRenderer.RenderPng(scene);

        var info = Image.Identify(png);
        Assert.NotNull(info);
        Assert.Equal((200, 200), (info.Width, info.Height));
        using var image = Image.Load<Rgb24>(png);
        Assert.Equal(200, image.Width);
    }

    [Fact]
    public void RenderPng_SameScene_SameBytes()
    {
        var scene = DemoWorlds.Scenes(1).Single();

        Assert.Equal(SceneRenderer.RenderPng(scene), SceneRenderer.RenderPng(scene));
    }

    [Fact]
    public void RenderPng_Detections_AreTightBoxesOfTheObjectsPixels()
    {
        foreach (var scene in DemoWorlds.Scenes(60))
        {
            using var image = Image.Load<Rgb24>(SceneRenderer.RenderPng(scene));
            foreach (var item in scene.Objects)
            {
                var detection = scene.DetectionOf(item);
                Assert.Equal(item.Label, detection.Label);
                Assert.All(new[] { detection.X1, detection.Y1, detection.X2, detection.Y2 }, v =>
                {
                    Assert.InRange(v, 0, 1);
                    Assert.Equal(Math.Round(v, 3), v);
                });
                Assert.True(detection.X1 < detection.X2 && detection.Y1 < detection.Y2);

                var box = new PixelBox(
                    (int)Math.Round(detection.X1 * scene.Width), (int)Math.Round(detection.Y1 * scene.Height),
                    (int)Math.Round(detection.X2 * scene.Width) - (int)Math.Round(detection.X1 * scene.Width),
                    (int)Math.Round(detection.Y2 * scene.Height) - (int)Math.Round(detection.Y1 * scene.Height));
                var color = ShapeVocabulary.Rgb(item.Color);
                Assert.Equal(item.VisibleArea, CountColor(image, color, box));
                // Each edge of the box touches the object; the ring just outside holds none of its color.
                Assert.True(CountColor(image, color, box with { Width = 1 }) > 0);
                Assert.True(CountColor(image, color, box with { X = box.Right - 1, Width = 1 }) > 0);
                Assert.True(CountColor(image, color, box with { Height = 1 }) > 0);
                Assert.True(CountColor(image, color, box with { Y = box.Bottom - 1, Height = 1 }) > 0);
                Assert.Equal(item.VisibleArea, CountColor(image, color, box.Inflate(1)));
            }
        }
    }

    [Fact]
    public void RenderPng_Scenes_BackgroundIsWhatNoObjectCovers()
    {
        foreach (var scene in DemoWorlds.Scenes(30))
        {
            using var image = Image.Load<Rgb24>(SceneRenderer.RenderPng(scene));
            var all = new PixelBox(0, 0, scene.Width, scene.Height);

            var background = CountColor(image, ShapeVocabulary.Rgb(scene.Background), all);

            Assert.Equal(scene.Width * scene.Height - scene.Objects.Sum(o => o.VisibleArea), background);
        }
    }

    [Fact]
    public void Render_OverlappingObjects_LaterObjectIsOnTop()
    {
        var checkedPairs = 0;
        foreach (var scene in DemoWorlds.Scenes(100))
        {
            using var image = SceneRenderer.Render(scene);
            for (var top = 1; top < scene.Objects.Count; top++)
            {
                for (var bottom = 0; bottom < top; bottom++)
                {
                    var (a, b) = (scene.Objects[top], scene.Objects[bottom]);
                    if (SharedPixel(a, b) is var (x, y))
                    {
                        var painted = scene.Objects.Skip(top + 1).Any(o => ShapeMask.Covers(o.Shape, o.Bounds, x, y));
                        Assert.True(painted || image[x, y] == ShapeVocabulary.Rgb(a.Color));
                        checkedPairs++;
                    }
                }
            }
        }

        Assert.True(checkedPairs > 10);
    }

    private static (int, int)? SharedPixel(SceneObject a, SceneObject b)
    {
        for (var y = a.Bounds.Y; y < a.Bounds.Bottom; y++)
        {
            for (var x = a.Bounds.X; x < a.Bounds.Right; x++)
            {
                if (ShapeMask.Covers(a.Shape, a.Bounds, x, y) && b.Bounds.Intersects(new PixelBox(x, y, 1, 1)) &&
                    ShapeMask.Covers(b.Shape, b.Bounds, x, y))
                {
                    return (x, y);
                }
            }
        }

        return null;
    }

    private static int CountColor(Image<Rgb24> image, Rgb24 color, PixelBox box)
    {
        var count = 0;
        for (var y = Math.Max(0, box.Y); y < Math.Min(image.Height, box.Bottom); y++)
        {
            for (var x = Math.Max(0, box.X); x < Math.Min(image.Width, box.Right); x++)
            {
                count += image[x, y] == color ? 1 : 0;
            }
        }

        return count;
    }
}
