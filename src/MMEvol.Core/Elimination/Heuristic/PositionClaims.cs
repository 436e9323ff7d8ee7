using System.Buffers;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Relative position of two uniquely named objects by box centers: "The red circle is to the left
/// of the blue square.", "... right of ...", "... above ...", "... below ...", "... higher than ...".
/// Centers closer than <see cref="Margins.Center"/> on the axis are too close to call. "Over",
/// "under" and "beneath" are left alone: they often mean one shape covers another.
/// </summary>
internal static partial class PositionClaims
{
    // A cheap test before the regexes: most sentences of an answer are no claim of this kind.
    private static readonly SearchValues<string> Cues = SearchValues.Create(["left", "right", "above", "below", "higher", "lower", " up ", " down "], StringComparison.Ordinal);

    public static ClaimResult? Evaluate(string sentence, SceneIndex scene)
    {
        if (!sentence.AsSpan().ContainsAny(Cues))
        {
            return null;
        }

        var match = Relation().Match(sentence);
        if (!match.Success)
        {
            return null;
        }

        var a = scene.Single(match.Groups["a"].Value);
        var b = scene.Single(match.Groups["b"].Value);
        if (a is null || b is null || a == b)
        {
            return scene.Phrase(match.Groups["a"].Value) is null || scene.Phrase(match.Groups["b"].Value) is null
                ? null
                : ClaimResult.Unknown();
        }

        var relation = match.Groups["rel"].Value;
        var horizontal = relation.Contains("left", StringComparison.Ordinal) || relation.Contains("right", StringComparison.Ordinal);
        // "a left of b" holds when a's center is clearly smaller on the axis; right/below flip it.
        var aFirst = horizontal ? Margins.Less(a.X, b.X) : Margins.Less(a.Y, b.Y);
        var flipped = relation.Contains("right", StringComparison.Ordinal) || Below(relation);
        return ClaimResult.Of(flipped ? Flip(aFirst) : aFirst, Fact(a, b, horizontal))
            .Negated(match.Groups["neg"].Success);
    }

    public static string Fact(DetectedObject a, DetectedObject b, bool horizontal)
    {
        var order = horizontal ? Margins.Less(a.X, b.X) : Margins.Less(a.Y, b.Y);
        var words = horizontal ? ("left of", "right of", "level with") : ("above", "below", "level with");
        return $"{a.Name} is {(order switch { true => words.Item1, false => words.Item2, null => words.Item3 })} {b.Name}";
    }

    private static bool Below(string relation) =>
        relation is "below" or "lower than" or "further down than" or "farther down than";

    private static bool? Flip(bool? value) => value is null ? null : !value.Value;

    [GeneratedRegex(@"^(?<a>.+?) (?:is|are|sits|lies|appears)(?<neg> not)? (?:located |positioned |placed |situated |found )?(?:directly |just |slightly |somewhat |far |well |clearly |further |farther |more )?(?<rel>to the left of|to the right of|left of|right of|on the left of|on the right of|above|below|higher than|lower than|further left than|farther left than|further right than|farther right than|to the left than|to the right than|further up than|farther up than|further down than|farther down than)(?: the position of)? (?<b>.+?)(?: in the image)?$")]
    private static partial Regex Relation();
}
