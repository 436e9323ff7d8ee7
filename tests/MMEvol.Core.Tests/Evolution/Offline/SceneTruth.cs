using System.Globalization;
using System.Text.RegularExpressions;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Offline;

/// <summary>
/// What the detections say, computed here from the boxes alone (no evolver code): centers,
/// areas, distances, thirds, counts. Asks fail loudly when a question names something the boxes
/// cannot decide: a label shared by two objects, a gap under the fair margin.
/// </summary>
internal sealed class SceneTruth(IReadOnlyList<Detection> detections)
{
    public const double Gap = 0.05;
    public const double Ratio = 1.25;

    private static readonly string[] Rows = ["top", "", "bottom"];
    private static readonly string[] Columns = ["left", "", "right"];

    public IReadOnlyList<Detection> All { get; } = detections;

    public bool Has(string label) => All.Any(d => d.Label == label);

    public Detection The(string label)
    {
        var matches = All.Where(d => d.Label == label).ToList();
        return matches.Count == 1 ? matches[0] : throw new UnfairQuestionException($"'{label}' names {matches.Count} objects");
    }

    public Detection OnlyNoun(string noun)
    {
        var matches = All.Where(d => Noun(d.Label) == noun).ToList();
        return matches.Count == 1 ? matches[0] : throw new UnfairQuestionException($"'the {noun}' names {matches.Count} objects");
    }

    /// <summary>Objects of a kind written as a plural ("red circles", "crosses") or singular ("red circle", "cross").</summary>
    public int CountOf(string phrase) =>
        All.Count(d => d.Label == phrase || Noun(d.Label) == phrase || Plural(d.Label) == phrase || Plural(Noun(d.Label)) == phrase);

    public bool IsKind(string phrase) =>
        All.Any(d => d.Label == phrase || Noun(d.Label) == phrase || Plural(d.Label) == phrase || Plural(Noun(d.Label)) == phrase);

    public static double X(Detection d) => (d.X1 + d.X2) / 2;

    public static double Y(Detection d) => (d.Y1 + d.Y2) / 2;

    public static double Distance(Detection a, Detection b) => Math.Sqrt(Math.Pow(X(a) - X(b), 2) + Math.Pow(Y(a) - Y(b), 2));

    public static string Region(Detection d)
    {
        static int Third(double v) => v < 1.0 / 3 ? 0 : v < 2.0 / 3 ? 1 : 2;
        var text = $"{Rows[Third(Y(d))]} {Columns[Third(X(d))]}".Trim();
        return text.Length == 0 ? "center" : text;
    }

    /// <summary>Signed offset, positive when <paramref name="a"/> is "relation" <paramref name="b"/>; fails inside the margin.</summary>
    public static double Offset(Detection a, string relation, Detection b)
    {
        var offset = relation switch
        {
            "left of" => X(b) - X(a),
            "right of" => X(a) - X(b),
            "above" => Y(b) - Y(a),
            "below" => Y(a) - Y(b),
            _ => throw new UnfairQuestionException($"unknown relation '{relation}'"),
        };
        return Math.Abs(offset) > Gap ? offset : throw new UnfairQuestionException($"{a.Label} and {b.Label} are too close to compare");
    }

    public static void Clear(double a, double b, string what)
    {
        if (Math.Max(a, b) <= Ratio * Math.Min(a, b))
            throw new UnfairQuestionException($"{what}: {a} and {b} are too close to call");
    }

    /// <summary>The nearest other object, which must be clearly nearest and named.</summary>
    public Detection Nearest(Detection anchor)
    {
        var ranked = All.Where(d => d != anchor).OrderBy(d => Distance(anchor, d)).ToList();
        if (ranked.Count < 2)
            throw new UnfairQuestionException("too few objects for a nearest question");
        Clear(Distance(anchor, ranked[0]), Distance(anchor, ranked[1]), "nearest");
        return The(ranked[0].Label);
    }

    public static string Noun(string label) => label.Split(' ')[^1];

    public static string? Color(string label) => label.Contains(' ', StringComparison.Ordinal) ? label.Split(' ')[0] : null;

    public static string Plural(string phrase) =>
        Regex.IsMatch(phrase, "(s|x|z|ch|sh)$") ? phrase + "es"
        : Regex.IsMatch(phrase, "[^aeiou]y$") ? phrase[..^1] + "ies"
        : phrase + "s";

    public static string Box(Detection d) =>
        string.Create(CultureInfo.InvariantCulture, $"[{d.X1:0.000}, {d.Y1:0.000}, {d.X2:0.000}, {d.Y2:0.000}]");
}
