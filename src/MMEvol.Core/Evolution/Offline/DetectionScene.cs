using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// The detections of one record, indexed for questions. Only what the boxes decide with a clear
/// margin is offered: a question a careful reader of the boxes could get either way is never asked.
/// </summary>
internal sealed class DetectionScene
{
    /// <summary>Minimum gap between two centers, as a share of the image, for a side relation.</summary>
    public const double CenterGap = 0.05;

    /// <summary>Minimum ratio between two areas or two distances for "larger"/"closer".</summary>
    public const double ClearRatio = 1.25;

    // A center this close to a third line could be read as either region.
    private const double RegionMargin = 0.02;

    public DetectionScene(IReadOnlyList<Detection> detections)
    {
        Objects = detections
            .Where(d => !string.IsNullOrWhiteSpace(d.Label))
            .Select((d, i) => new GroundedObject(i, d, d.Label.Trim()))
            .ToList();
        Labels = Objects.Select(o => o.Label).Distinct(StringComparer.Ordinal).ToList();
        Named = Objects.Where(o => CountLabel(o.Label) == 1).ToList();
        Nouns = Objects.Select(o => o.Noun).Distinct(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<GroundedObject> Objects { get; }

    /// <summary>Distinct labels in order of first appearance.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Objects whose label no other detection shares: the ones "the &lt;label&gt;" names.</summary>
    public IReadOnlyList<GroundedObject> Named { get; }

    public IReadOnlyList<string> Nouns { get; }

    public bool IsEmpty => Objects.Count == 0;

    public int CountLabel(string label) => Objects.Count(o => o.Label == label);

    public int CountNoun(string noun) => Objects.Count(o => o.Noun == noun);

    public bool HasLabel(string label) => Objects.Any(o => o.Label == label);

    public GroundedObject? Find(string label) => Named.FirstOrDefault(o => o.Label == label);

    /// <summary>The only object of a noun, when it has a color word: "the triangle" names it.</summary>
    public GroundedObject? OnlyOfNoun(string noun) =>
        CountNoun(noun) == 1 && Objects.First(o => o.Noun == noun) is { Color: not null } only ? only : null;

    /// <summary>One of <see cref="OfflineTemplates.Regions"/> by thirds of the center, or null near a third line.</summary>
    public static string? Region(GroundedObject item)
    {
        var column = Third(item.CenterX);
        var row = Third(item.CenterY);
        return column < 0 || row < 0 ? null : OfflineTemplates.Regions[(row * 3) + column];
    }

    public static bool Clear(double a, double b) => Math.Max(a, b) > ClearRatio * Math.Min(a, b);

    /// <summary>The nearest other object when it is named and clearly nearer than every other one.</summary>
    public (GroundedObject Nearest, double Distance, double Next)? Nearest(GroundedObject anchor)
    {
        var ranked = Objects.Where(o => o != anchor).OrderBy(anchor.DistanceTo).ThenBy(o => o.Index).ToList();
        if (ranked.Count < 2 || !Named.Contains(ranked[0]))
            return null;
        double near = anchor.DistanceTo(ranked[0]), next = anchor.DistanceTo(ranked[1]);
        return next > ClearRatio * near ? (ranked[0], near, next) : null;
    }

    /// <summary>Objects whose centers lie clearly on one side of the anchor; null when one is too close to call.</summary>
    public int? CountBeside(GroundedObject anchor, string relation)
    {
        var others = Objects.Where(o => o != anchor).Select(o => o.Offset(relation, anchor)).ToList();
        return others.Any(d => Math.Abs(d) <= CenterGap) ? null : others.Count(d => d > 0);
    }

    /// <summary>
    /// Labels a careless model might claim to see: combinations of the scene's own colors and
    /// nouns that no detection has, then other colors with the scene's nouns.
    /// </summary>
    public IReadOnlyList<string> AbsentLabels()
    {
        var colors = Objects.Select(o => o.Color).OfType<string>().Distinct().ToList();
        var local = colors.SelectMany(c => Nouns.Select(n => $"{c} {n}")).Where(l => !HasLabel(l)).ToList();
        return local.Count > 0
            ? local
            : OfflineTemplates.PaletteColors.SelectMany(c => Nouns.Select(n => $"{c} {n}")).Where(l => !HasLabel(l)).ToList();
    }

    private static int Third(double share)
    {
        foreach (var line in new[] { 1.0 / 3, 2.0 / 3 })
        {
            if (Math.Abs(share - line) < RegionMargin)
                return -1;
        }

        return share < 1.0 / 3 ? 0 : share < 2.0 / 3 ? 1 : 2;
    }
}
