using System.Buffers;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// How many objects lie on one side of a uniquely named one, by box centers: "2 objects lie left of
/// the red circle.", "No object lies above the blue square.", "There is 1 triangle below the red
/// circle." An object within <see cref="Margins.Center"/> of the anchor on that axis could count either way.
/// </summary>
internal static partial class RelativeCountClaims
{
    private static readonly SearchValues<string> Cues = SearchValues.Create(["left of", "right of", "above", "below"], StringComparison.Ordinal);

    public static ClaimResult? Evaluate(string sentence, SceneIndex scene)
    {
        if (!sentence.AsSpan().ContainsAny(Cues) || Beside().Match(sentence) is not { Success: true } match)
        {
            return null;
        }

        var phrase = scene.Phrase(match.Groups["np"].Value);
        var anchor = scene.Single(match.Groups["b"].Value);
        if (phrase is not { Quantity: PhraseQuantity.Exact } || anchor is null)
        {
            return phrase is { Quantity: PhraseQuantity.Exact } && scene.Phrase(match.Groups["b"].Value) is not null ? ClaimResult.Unknown() : null;
        }

        var relation = match.Groups["rel"].Value;
        var referents = scene.Resolve(phrase);
        int clear = 0, close = 0;
        foreach (var o in referents.Matches.Where(o => o != anchor))
        {
            // Positive when o lies on the claimed side of the anchor.
            var offset = relation switch
            {
                _ when relation.Contains("left", StringComparison.Ordinal) => anchor.X - o.X,
                _ when relation.Contains("right", StringComparison.Ordinal) => o.X - anchor.X,
                "above" => anchor.Y - o.Y,
                _ => o.Y - anchor.Y,
            };
            clear += offset >= Margins.Center ? 1 : 0;
            close += Math.Abs(offset) < Margins.Center ? 1 : 0;
        }

        var fact = $"{phrase.Counted(clear)} clearly {(clear == 1 ? "lies" : "lie")} {Side(relation)} {anchor.Name}";
        if (referents.Uncertain)
        {
            return ClaimResult.Unknown(fact);
        }

        bool? holds = phrase.Count < clear || phrase.Count > clear + close ? false : close == 0 ? true : null;
        return ClaimResult.Of(holds, fact);
    }

    private static string Side(string relation) => relation switch
    {
        _ when relation.Contains("left", StringComparison.Ordinal) => "left of",
        _ when relation.Contains("right", StringComparison.Ordinal) => "right of",
        "above" => "above",
        _ => "below",
    };

    [GeneratedRegex(@"^(?:there (?:is|are) (?<np>.+?)|(?<np>.+?) (?:lies|lie|is|are|sits|sit))(?: located| positioned| placed)? (?<rel>to the left of|to the right of|left of|right of|above|below) (?<b>.+?)(?: in the image)?$")]
    private static partial Regex Beside();
}
