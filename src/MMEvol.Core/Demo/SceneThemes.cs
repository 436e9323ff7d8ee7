namespace MMEvol.Core.Demo;

/// <summary>
/// The fixed themes of the Shapes world. Peaked weights give a few very frequent objects and a
/// long tail, as in real detection data; "confetti" keeps every label possible.
/// </summary>
internal static class SceneThemes
{
    public static IReadOnlyList<SceneTheme> All { get; } =
    [
        new("sunset", Backdrop.Cream, 3,
            Colors((ShapeColor.Red, 8), (ShapeColor.Orange, 4), (ShapeColor.Yellow, 3), (ShapeColor.Purple, 1)),
            Shapes((ShapeKind.Circle, 8), (ShapeKind.Triangle, 3), (ShapeKind.Diamond, 2), (ShapeKind.Hexagon, 1))),
        new("ocean", Backdrop.PaleBlue, 3,
            Colors((ShapeColor.Blue, 8), (ShapeColor.Green, 3), (ShapeColor.Purple, 2), (ShapeColor.Black, 1)),
            Shapes((ShapeKind.Hexagon, 6), (ShapeKind.Square, 3), (ShapeKind.Circle, 2), (ShapeKind.Cross, 1))),
        new("forest", Backdrop.White, 2,
            Colors((ShapeColor.Green, 8), (ShapeColor.Yellow, 3), (ShapeColor.Orange, 1), (ShapeColor.Black, 1)),
            Shapes((ShapeKind.Triangle, 6), (ShapeKind.Diamond, 3), (ShapeKind.Hexagon, 1))),
        new("city", Backdrop.LightGray, 2,
            Colors((ShapeColor.Black, 6), (ShapeColor.Blue, 3), (ShapeColor.Red, 2), (ShapeColor.Yellow, 1)),
            Shapes((ShapeKind.Square, 6), (ShapeKind.Cross, 3), (ShapeKind.Hexagon, 1))),
        new("confetti", Backdrop.LightGray, 1,
            Enum.GetValues<ShapeColor>().ToDictionary(c => c, _ => 1),
            Enum.GetValues<ShapeKind>().ToDictionary(s => s, _ => 1)),
    ];

    public static SceneTheme Pick(Random random)
    {
        var roll = random.Next(All.Sum(t => t.Weight));
        foreach (var theme in All)
        {
            roll -= theme.Weight;
            if (roll < 0)
            {
                return theme;
            }
        }

        throw new InvalidOperationException("Theme weights must be positive.");
    }

    private static Dictionary<ShapeColor, int> Colors(params (ShapeColor Color, int Weight)[] weights) =>
        weights.ToDictionary(w => w.Color, w => w.Weight);

    private static Dictionary<ShapeKind, int> Shapes(params (ShapeKind Shape, int Weight)[] weights) =>
        weights.ToDictionary(w => w.Shape, w => w.Weight);
}
