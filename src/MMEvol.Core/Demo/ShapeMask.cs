namespace MMEvol.Core.Demo;

/// <summary>
/// Inside-tests for each shape in box coordinates u, v in [-1, 1] (v grows downwards), applied
/// at pixel centers: no anti-aliasing, so every pixel has exactly its object's color.
/// </summary>
internal static class ShapeMask
{
    public static bool Contains(ShapeKind shape, double u, double v) => shape switch
    {
        ShapeKind.Circle => u * u + v * v <= 1.0,
        ShapeKind.Square => true,
        // Apex at the top middle, base along the bottom edge.
        ShapeKind.Triangle => Math.Abs(u) <= (v + 1.0) / 2.0,
        ShapeKind.Diamond => Math.Abs(u) + Math.Abs(v) <= 1.0,
        ShapeKind.Cross => Math.Abs(u) <= 1.0 / 3.0 || Math.Abs(v) <= 1.0 / 3.0,
        // Pointy left and right, flat top and bottom.
        ShapeKind.Hexagon => Math.Abs(u) <= 1.0 - Math.Abs(v) / 2.0,
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    /// <summary>Whether pixel (x, y) of the canvas belongs to a shape drawn in <paramref name="box"/>.</summary>
    public static bool Covers(ShapeKind shape, PixelBox box, int x, int y) =>
        Contains(shape, (x + 0.5 - box.X) / box.Width * 2.0 - 1.0, (y + 0.5 - box.Y) / box.Height * 2.0 - 1.0);

    /// <summary>Calls <paramref name="visit"/> with the index (y * width + x) of every pixel of the shape.</summary>
    public static void ForEachPixel(ShapeKind shape, PixelBox box, int width, Action<int> visit)
    {
        for (var y = box.Y; y < box.Bottom; y++)
        {
            for (var x = box.X; x < box.Right; x++)
            {
                if (Covers(shape, box, x, y))
                {
                    visit(y * width + x);
                }
            }
        }
    }
}
