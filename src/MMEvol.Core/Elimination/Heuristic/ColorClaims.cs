using System.Buffers;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// The color of one object that the phrase names uniquely: "The triangle is yellow.", "The color
/// of the triangle is yellow.", "The square is not green." A phrase naming several objects is left alone.
/// </summary>
internal static partial class ColorClaims
{
    // A cheap test before the regexes: most sentences of an answer are no claim of this kind.
    private static readonly SearchValues<string> Cues = SearchValues.Create(["red", "orange", "yellow", "green", "blue", "purple", "black", "white", "gray", "pink", "brown", "violet", "cyan", "magenta", "gold", "silver", "beige", "maroon", "navy", "teal", "turquoise"], StringComparison.Ordinal);

    public static ClaimResult? Evaluate(string sentence, SceneIndex scene)
    {
        if (!sentence.AsSpan().ContainsAny(Cues))
        {
            return null;
        }

        var match = ColorIs().Match(sentence);
        if (!match.Success)
        {
            match = ColorOf().Match(sentence);
        }

        if (!match.Success || !Vocabulary.IsColor(match.Groups["color"].Value) ||
            scene.Phrase(match.Groups["np"].Value) is not { Quantity: not PhraseQuantity.Exact } phrase)
        {
            return null;
        }

        var color = match.Groups["color"].Value;
        if (scene.Resolve(phrase).Single is not { Parts.Color: { } actual } item)
        {
            return ClaimResult.Unknown();
        }

        return ClaimResult.Of(actual == color, $"the {item.Parts.Body} is {actual}")
            .Negated(match.Groups["neg"].Success);
    }

    [GeneratedRegex(@"^(?<np>.+?) (?:is|appears|looks)(?<neg> not)? (?:colored |painted |filled )?(?:in )?(?<color>[a-z]+)(?: in color| colored)?(?: in the image)?$")]
    private static partial Regex ColorIs();

    [GeneratedRegex(@"^the color of (?<np>.+?) is(?<neg> not)? (?<color>[a-z]+)$")]
    private static partial Regex ColorOf();
}
