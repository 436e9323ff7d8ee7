namespace MMEvol.Core.Demo;

/// <summary>
/// Draws scenes of 2-9 objects. Objects may overlap, but each keeps at least
/// <see cref="MinVisibleShare"/> of its pixels and objects of one color never touch, so every
/// object stays countable and its color names it. All randomness comes from the caller's
/// seeded <see cref="Random"/>.
/// </summary>
internal sealed class SceneGenerator
{
    public const int MinObjects = 2;
    public const int MaxObjects = 9;
    public const double MinVisibleShare = 0.65;
    // Below this the size classes' pixel ranges would meet (see ShapeVocabulary.SideRange).
    public const int MinCanvas = 128;
    private const int MaxAttempts = 40;
    private const int Margin = 2;
    private const int SameColorGap = 4;

    public SceneGenerator(int canvasSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(canvasSize, MinCanvas);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(canvasSize, 2048);
        CanvasSize = canvasSize;
    }

    public int CanvasSize { get; }

    public Scene Generate(Random random)
    {
        while (true)
        {
            var scene = TryGenerate(random);
            if (scene.Objects.Count >= MinObjects)
            {
                return scene;
            }
        }
    }

    private Scene TryGenerate(Random random)
    {
        var theme = SceneThemes.Pick(random);
        var owners = new int[CanvasSize * CanvasSize];
        Array.Fill(owners, -1);
        var drafts = new List<ShapeDraft>();
        foreach (var size in DrawSizes(random.Next(MinObjects, MaxObjects + 1), random))
        {
            var (color, shape) = theme.SampleLabel(random);
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                if (TryPlace(new ShapeDraft(shape, color, size), random, owners, drafts))
                {
                    break;
                }
            }
        }

        return new Scene(CanvasSize, CanvasSize, theme.Background, theme.Name, Finish(drafts, owners));
    }

    // Mostly small and medium objects: the small ones are the paper's long-tail, secondary objects.
    private static List<ObjectSize> DrawSizes(int count, Random random)
    {
        var sizes = new List<ObjectSize>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var size = roll < 0.4 ? ObjectSize.Small : roll < 0.75 ? ObjectSize.Medium : ObjectSize.Large;
            if (size == ObjectSize.Large && sizes.Count(s => s == ObjectSize.Large) >= 2)
            {
                size = ObjectSize.Medium;
            }

            if (size == ObjectSize.Medium && sizes.Count(s => s == ObjectSize.Medium) >= 4)
            {
                size = ObjectSize.Small;
            }

            sizes.Add(size);
        }

        return sizes;
    }

    private bool TryPlace(ShapeDraft draft, Random random, int[] owners, List<ShapeDraft> drafts)
    {
        var (min, max) = ShapeVocabulary.SideRange(draft.Size, CanvasSize);
        var side = random.Next(min, max + 1);
        var x = random.Next(Margin, CanvasSize - side - Margin + 1);
        var y = random.Next(Margin, CanvasSize - side - Margin + 1);
        draft.Box = new PixelBox(x, y, side, side);
        if (drafts.Any(d => d.Color == draft.Color && d.Box.Inflate(SameColorGap).Intersects(draft.Box)))
        {
            return false;
        }

        var covered = new int[drafts.Count];
        var area = 0;
        ShapeMask.ForEachPixel(draft.Shape, draft.Box, CanvasSize, p =>
        {
            area++;
            if (owners[p] >= 0)
            {
                covered[owners[p]]++;
            }
        });
        for (var i = 0; i < drafts.Count; i++)
        {
            if (drafts[i].VisibleArea - covered[i] < MinVisibleShare * drafts[i].Area)
            {
                return false;
            }
        }

        var index = drafts.Count;
        ShapeMask.ForEachPixel(draft.Shape, draft.Box, CanvasSize, p => owners[p] = index);
        for (var i = 0; i < drafts.Count; i++)
        {
            drafts[i].VisibleArea -= covered[i];
        }

        draft.Area = draft.VisibleArea = area;
        drafts.Add(draft);
        return true;
    }

    private List<SceneObject> Finish(List<ShapeDraft> drafts, int[] owners)
    {
        var minX = Enumerable.Repeat(int.MaxValue, drafts.Count).ToArray();
        var minY = minX.ToArray();
        var maxX = new int[drafts.Count];
        var maxY = new int[drafts.Count];
        for (var p = 0; p < owners.Length; p++)
        {
            var o = owners[p];
            if (o < 0)
            {
                continue;
            }

            int x = p % CanvasSize, y = p / CanvasSize;
            minX[o] = Math.Min(minX[o], x);
            minY[o] = Math.Min(minY[o], y);
            maxX[o] = Math.Max(maxX[o], x);
            maxY[o] = Math.Max(maxY[o], y);
        }

        return drafts.Select((d, i) => new SceneObject(
            d.Shape, d.Color, d.Size, d.Box, d.Area,
            new PixelBox(minX[i], minY[i], maxX[i] - minX[i] + 1, maxY[i] - minY[i] + 1),
            d.VisibleArea)).ToList();
    }
}
