using System.Buffers;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Counts and existence stated as a list: "There are 3 triangles.", "I can see two circles and a
/// square.", "The image contains a red circle.", "There is no purple star.", "The number of red
/// shapes is 2." Every listed phrase must parse, or the sentence is left to other forms.
/// </summary>
internal static partial class CountClaims
{
    // A cheap test before the regexes: most sentences of an answer are no claim of this kind.
    private static readonly SearchValues<string> Cues = SearchValues.Create(["there ", "see ", "image ", "number of", "count of", "it contains", "it has", "it shows"], StringComparison.Ordinal);

    public static ClaimResult? Evaluate(string sentence, SceneIndex scene)
    {
        if (!sentence.AsSpan().ContainsAny(Cues))
        {
            return null;
        }

        if (NumberOf().Match(sentence) is { Success: true } number)
        {
            var phrase = scene.Phrase(number.Groups["np"].Value);
            var n = NounPhrase.Number(number.Groups["n"].Value);
            return phrase is { Quantity: PhraseQuantity.Definite } && n is not null
                ? Check(phrase with { Quantity = PhraseQuantity.Exact, Count = n.Value }, scene)
                : null;
        }

        var negated = false;
        var list = ThereAreNot().Match(sentence) is { Success: true } not ? not.Groups["list"].Value : null;
        if (list is not null)
        {
            negated = true;
        }
        else if (ThereAre().Match(sentence) is { Success: true } there)
        {
            list = there.Groups["list"].Value;
        }
        else
        {
            return null;
        }

        var parts = new List<ClaimResult>();
        foreach (var text in ListSeparator().Split(list))
        {
            var phrase = scene.Phrase(text);
            if (phrase is null || (!negated && phrase.Quantity == PhraseQuantity.Definite))
            {
                return null;
            }

            // "There are not any stars" / "The image does not contain a star": none at all;
            // "There are not 3 triangles": any other number.
            parts.Add(!negated ? Check(phrase, scene)
                : phrase is { Quantity: PhraseQuantity.Exact, Count: > 0 } ? Check(phrase, scene).Negated(true)
                : Check(phrase with { Quantity = PhraseQuantity.Exact, Count = 0 }, scene));
        }

        return ClaimResult.All(parts);
    }

    public static ClaimResult Check(NounPhrase phrase, SceneIndex scene)
    {
        var referents = scene.Resolve(phrase);
        var fact = "the image has " + phrase.Counted(referents.Count);
        if (referents.Uncertain)
        {
            return ClaimResult.Unknown(fact);
        }

        return phrase.Quantity switch
        {
            PhraseQuantity.Exact => ClaimResult.Of(referents.Count == phrase.Count, fact),
            PhraseQuantity.AtLeastOne => ClaimResult.Of(referents.Count > 0, fact),
            _ => ClaimResult.Unknown(fact),
        };
    }

    private const string Tail = @"(?:\s+(?:in|on) the image)?(?:\s+(?:in total|altogether|overall|in all))?";

    [GeneratedRegex(@"^(?:there (?:is|are)|i (?:can )?see|we (?:can )?see|you can see|the image (?:contains|has|shows|includes|features|depicts|displays)|it (?:contains|has|shows))\s+(?<list>.+?)" + Tail + "$")]
    private static partial Regex ThereAre();

    [GeneratedRegex(@"^(?:there (?:is|are) not(?: any)?|i (?:do|can) not see(?: any)?|the image does not (?:contain|have|show|include)(?: any)?|there (?:is|are) no)\s+(?<list>.+?)" + Tail + "$")]
    private static partial Regex ThereAreNot();

    [GeneratedRegex(@"^the (?:total )?(?:number|count) of (?<np>.+?)" + Tail + @" (?:is|equals) (?:exactly )?(?<n>\w+)$")]
    private static partial Regex NumberOf();

    [GeneratedRegex(@"\s*,\s*(?:and\s+)?|\s+and\s+")]
    private static partial Regex ListSeparator();
}
