namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// How clear a geometric fact must be before the judge calls a claim about it wrong. Boxes are
/// rounded to 3 decimals and a reader's "left of" is fuzzy near equality, so anything inside these
/// margins is too close to call and never flagged.
/// </summary>
internal static class Margins
{
    /// <summary>Difference between two box centers (or a center and a region line), as a share of the image.</summary>
    public const double Center = 0.03;

    /// <summary>Ratio of two box areas.</summary>
    public const double Area = 1.15;

    /// <summary>Ratio of two center-to-center distances.</summary>
    public const double Distance = 1.1;

    /// <summary>True when <paramref name="a"/> is clearly below <paramref name="b"/>, false when clearly above, else null.</summary>
    public static bool? Less(double a, double b) =>
        a <= b - Center ? true : a >= b + Center ? false : null;

    /// <summary>True when <paramref name="a"/> is clearly larger than <paramref name="b"/> by <paramref name="ratio"/>, false when clearly smaller.</summary>
    public static bool? Greater(double a, double b, double ratio) =>
        a >= b * ratio ? true : b >= a * ratio ? false : null;
}
