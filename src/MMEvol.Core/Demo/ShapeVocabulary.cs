using SixLabors.ImageSharp.PixelFormats;

namespace MMEvol.Core.Demo;

/// <summary>The words and colors of the Shapes world, in one place so text and pixels agree.</summary>
internal static class ShapeVocabulary
{
    public static IReadOnlyList<ShapeKind> Shapes { get; } = Enum.GetValues<ShapeKind>();
    public static IReadOnlyList<ShapeColor> Colors { get; } = Enum.GetValues<ShapeColor>();

    /// <summary>Every possible label, in ordinal order (the POPE "random" sampling draws from these).</summary>
    public static IReadOnlyList<string> AllLabels { get; } =
        Colors.SelectMany(c => Shapes.Select(s => Label(c, s))).Order(StringComparer.Ordinal).ToList();

    public static string Label(ShapeColor color, ShapeKind shape) => $"{Word(color)} {Word(shape)}";

    public static string Word(ShapeKind shape) => shape switch
    {
        ShapeKind.Circle => "circle",
        ShapeKind.Square => "square",
        ShapeKind.Triangle => "triangle",
        ShapeKind.Diamond => "diamond",
        ShapeKind.Cross => "cross",
        ShapeKind.Hexagon => "hexagon",
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    public static string Plural(ShapeKind shape) => shape == ShapeKind.Cross ? "crosses" : Word(shape) + "s";

    public static string Word(ShapeColor color) => color.ToString().ToLowerInvariant();

    public static string Word(ObjectSize size) => size.ToString().ToLowerInvariant();

    public static string Word(Backdrop backdrop) => backdrop switch
    {
        Backdrop.LightGray => "light gray",
        Backdrop.White => "white",
        Backdrop.PaleBlue => "pale blue",
        Backdrop.Cream => "cream",
        _ => throw new ArgumentOutOfRangeException(nameof(backdrop)),
    };

    public static Rgb24 Rgb(ShapeColor color) => color switch
    {
        ShapeColor.Red => new Rgb24(220, 30, 40),
        ShapeColor.Orange => new Rgb24(245, 140, 20),
        ShapeColor.Yellow => new Rgb24(235, 215, 25),
        ShapeColor.Green => new Rgb24(35, 160, 60),
        ShapeColor.Blue => new Rgb24(35, 80, 215),
        ShapeColor.Purple => new Rgb24(135, 55, 185),
        ShapeColor.Black => new Rgb24(25, 25, 25),
        _ => throw new ArgumentOutOfRangeException(nameof(color)),
    };

    public static Rgb24 Rgb(Backdrop backdrop) => backdrop switch
    {
        Backdrop.LightGray => new Rgb24(215, 215, 215),
        Backdrop.White => new Rgb24(252, 252, 252),
        Backdrop.PaleBlue => new Rgb24(205, 225, 245),
        Backdrop.Cream => new Rgb24(245, 238, 215),
        _ => throw new ArgumentOutOfRangeException(nameof(backdrop)),
    };

    /// <summary>
    /// Box side range in pixels for a size class, as fractions of the canvas. The gaps between
    /// classes (small tops out at 7.5%, medium starts at 12%) keep size comparisons unambiguous.
    /// </summary>
    public static (int Min, int Max) SideRange(ObjectSize size, int canvas) => size switch
    {
        ObjectSize.Small => (Side(0.05, canvas), Side(0.075, canvas)),
        ObjectSize.Medium => (Side(0.12, canvas), Side(0.16, canvas)),
        ObjectSize.Large => (Side(0.22, canvas), Side(0.28, canvas)),
        _ => throw new ArgumentOutOfRangeException(nameof(size)),
    };

    // Small shapes need enough pixels for a triangle or cross to stay recognisable.
    private static int Side(double fraction, int canvas) => Math.Max(9, (int)Math.Round(fraction * canvas));
}
