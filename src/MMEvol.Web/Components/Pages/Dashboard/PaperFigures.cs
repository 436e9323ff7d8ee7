namespace MMEvol.Web.Components.Pages.Dashboard;

/// <summary>
/// The figures MMEvol's paper published (METHOD.md, "Published expectations"), per round with the
/// seed first, drawn as reference lines. Null where the paper gives none for that round; steps and
/// skills are given before evolution and after the last round only.
/// </summary>
public static class PaperFigures
{
    public static IReadOnlyList<double?> MeanScore { get; } = [4.98, 5.64, 6.22, 6.56];

    public static IReadOnlyList<double?> ImprovedShare { get; } = [null, 0.72, 0.87, 0.92];

    public static IReadOnlyList<double?> Steps { get; } = [1.61, null, null, 2.47];

    public static IReadOnlyList<double?> Skills { get; } = [1.03, null, null, 1.71];
}
