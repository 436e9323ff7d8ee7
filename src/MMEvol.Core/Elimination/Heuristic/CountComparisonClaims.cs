using System.Globalization;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>Two counts compared: "There are more triangles than circles.", "There are fewer red shapes than blue shapes."</summary>
internal static partial class CountComparisonClaims
{
    public static ClaimResult? Evaluate(string sentence, SceneIndex scene)
    {
        if (!sentence.Contains(" than ", StringComparison.Ordinal) || MoreThan().Match(sentence) is not { Success: true } match)
        {
            return null;
        }

        var a = scene.Phrase(match.Groups["a"].Value);
        var b = scene.Phrase(match.Groups["b"].Value);
        if (a is not { Quantity: PhraseQuantity.Definite } || b is not { Quantity: PhraseQuantity.Definite })
        {
            return null;
        }

        var (ra, rb) = (scene.Resolve(a), scene.Resolve(b));
        var fact = string.Create(CultureInfo.InvariantCulture, $"the image has {a.Counted(ra.Count)} and {b.Counted(rb.Count)}");
        if (ra.Uncertain || rb.Uncertain)
        {
            return ClaimResult.Unknown(fact);
        }

        var more = match.Groups["cmp"].Value == "more";
        return ClaimResult.Of(more ? ra.Count > rb.Count : ra.Count < rb.Count, fact).Negated(match.Groups["neg"].Success);
    }

    [GeneratedRegex(@"^there (?:is|are)(?<neg> not)? (?<cmp>more|fewer|less) (?<a>.+?) than (?<b>.+?)(?: in the image)?$")]
    private static partial Regex MoreThan();
}
