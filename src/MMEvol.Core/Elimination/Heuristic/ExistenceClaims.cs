using System.Buffers;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Existence stated about a phrase: "The red circle is in the image.", "No purple star is visible.",
/// "Three triangles are visible.", "The purple star is missing from the image."
/// </summary>
internal static partial class ExistenceClaims
{
    // A cheap test before the regexes: most sentences of an answer are no claim of this kind.
    private static readonly SearchValues<string> Cues = SearchValues.Create(["visible", "present", "shown", "seen", "found", "included", "depicted", "in the image", "missing", "absent"], StringComparison.Ordinal);

    public static ClaimResult? Evaluate(string sentence, SceneIndex scene)
    {
        if (!sentence.AsSpan().ContainsAny(Cues))
        {
            return null;
        }

        var match = Present().Match(sentence);
        var absent = false;
        if (!match.Success)
        {
            match = Missing().Match(sentence);
            absent = true;
        }

        if (!match.Success || scene.Phrase(match.Groups["np"].Value) is not { } phrase)
        {
            return null;
        }

        absent ^= match.Groups["neg"].Success;
        if (phrase.Quantity == PhraseQuantity.Exact)
        {
            // "Three triangles are visible" states a count; "No star is visible" states absence.
            return CountClaims.Check(phrase, scene).Negated(absent);
        }

        return CountClaims.Check(phrase with { Quantity = PhraseQuantity.AtLeastOne }, scene).Negated(absent);
    }

    [GeneratedRegex(@"^(?<np>.+?) (?:is|are|can be)(?<neg> not)? (?:(?:present|visible|shown|seen|found|included|depicted)(?: in the image)?|in the image)$")]
    private static partial Regex Present();

    [GeneratedRegex(@"^(?<np>.+?) (?:is|are)(?<neg> not)? (?:missing|absent)(?: from the image)?$")]
    private static partial Regex Missing();
}
