using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>Whether two uniquely named objects share a color: "The circle is the same color as the square."</summary>
internal static partial class ColorMatchClaims
{
    public static ClaimResult? Evaluate(string sentence, SceneIndex scene)
    {
        if (!sentence.Contains("same color", StringComparison.Ordinal) || SameColor().Match(sentence) is not { Success: true } match)
        {
            return null;
        }

        var pa = scene.Phrase(match.Groups["a"].Value);
        var pb = scene.Phrase(match.Groups["b"].Value);
        if (pa is null || pb is null)
        {
            return null;
        }

        var (a, b) = (scene.Resolve(pa).Single, scene.Resolve(pb).Single);
        if (a?.Parts.Color is not { } ca || b?.Parts.Color is not { } cb || a == b)
        {
            return ClaimResult.Unknown();
        }

        return ClaimResult.Of(ca == cb, $"the {a.Parts.Body} is {ca} and the {b.Parts.Body} is {cb}").Negated(match.Groups["neg"].Success);
    }

    [GeneratedRegex(@"^(?<a>.+?) (?:is|has)(?<neg> not)? the same color as (?<b>.+?)(?: is)?$")]
    private static partial Regex SameColor();
}
