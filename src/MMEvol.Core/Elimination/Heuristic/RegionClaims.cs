using System.Buffers;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Where one uniquely named object lies in the image, by thirds of its box center: "The red circle
/// is in the top left corner of the image.", "... at the top ...", "... on the left side ...",
/// "... in the center ..."; "... in the top half ..." uses halves. A one-word region constrains one
/// axis only ("on the left side" says nothing about height), and a center within
/// <see cref="Margins.Center"/> of a dividing line fits either side.
/// </summary>
internal static partial class RegionClaims
{
    // A cheap test before the regexes: most sentences of an answer are no claim of this kind.
    private static readonly SearchValues<string> Cues = SearchValues.Create(["top", "bottom", "upper", "lower", "left", "right", "center"], StringComparison.Ordinal);

    public static ClaimResult? Evaluate(string sentence, SceneIndex scene)
    {
        if (!sentence.AsSpan().ContainsAny(Cues))
        {
            return null;
        }

        var match = Region().Match(sentence);
        if (!match.Success || scene.Phrase(match.Groups["a"].Value) is not { Quantity: not PhraseQuantity.Exact } phrase)
        {
            return null;
        }

        if (scene.Resolve(phrase).Single is not { } item)
        {
            return ClaimResult.Unknown();
        }

        var halves = match.Groups["half"].Success;
        var center = match.Groups["center"].Success;
        var axes = new List<bool?>();
        if (center || match.Groups["row"].Success)
        {
            axes.Add(Band(center ? "center" : match.Groups["row"].Value, item.Y, halves));
        }

        if (center || match.Groups["col"].Success)
        {
            axes.Add(Band(center ? "center" : match.Groups["col"].Value, item.X, halves));
        }

        bool? holds = axes.Contains(false) ? false : axes.All(a => a == true) ? true : null;
        return ClaimResult.Of(holds, $"{item.Name} is {Phrase(item)} of the image").Negated(match.Groups["neg"].Success);
    }

    /// <summary>"in the top left", "at the top", "in the center"... by thirds of the center.</summary>
    public static string Phrase(DetectedObject item)
    {
        string[] rows = ["top", "", "bottom"];
        string[] columns = ["left", "", "right"];
        var text = $"{rows[Third(item.Y)]} {columns[Third(item.X)]}".Trim();
        return text.Length == 0 ? "in the center" : $"in the {text}";
    }

    // True/false when the center clearly fits the band or clearly misses it; null near its edges.
    private static bool? Band(string word, double center, bool halves)
    {
        var (low, high) = word switch
        {
            "top" or "upper" or "left" => (double.NegativeInfinity, halves ? 0.5 : 1.0 / 3),
            "bottom" or "lower" or "right" => (halves ? 0.5 : 2.0 / 3, double.PositiveInfinity),
            _ => (1.0 / 3, 2.0 / 3),
        };
        if (center < low - Margins.Center || center > high + Margins.Center)
        {
            return false;
        }

        return center >= low + Margins.Center && center <= high - Margins.Center ? true : null;
    }

    private static int Third(double share) => share < 1.0 / 3 ? 0 : share < 2.0 / 3 ? 1 : 2;

    [GeneratedRegex(@"^(?<a>.+?) (?:is|are|sits|lies|appears|can be seen|can be found)(?<neg> not)? (?:located |positioned |placed |situated |found )?(?:in|at|on|near|toward|towards|along) the (?:(?:(?<row>top|upper|bottom|lower)(?: (?<col>left|right))?|(?<col>left|right)|(?<center>center))(?: hand)?(?: (?:corner|side|part|area|region|edge|portion|section)|(?<half> half))?)(?: (?:of|in) the image)?$")]
    private static partial Regex Region();
}
