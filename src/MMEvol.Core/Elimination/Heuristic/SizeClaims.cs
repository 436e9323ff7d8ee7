using System.Buffers;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Size by box area: "The blue square is larger than the red circle.", "... smaller than ...",
/// "The red circle is the largest shape.", "The smallest shape is the green triangle." Areas whose
/// ratio is under <see cref="Margins.Area"/> are too close to call.
/// </summary>
internal static partial class SizeClaims
{
    // A cheap test before the regexes: most sentences of an answer are no claim of this kind.
    private static readonly SearchValues<string> Cues = SearchValues.Create(["larger", "bigger", "smaller", "largest", "biggest", "smallest"], StringComparison.Ordinal);

    public static ClaimResult? Evaluate(string sentence, SceneIndex scene)
    {
        if (!sentence.AsSpan().ContainsAny(Cues))
        {
            return null;
        }

        if (Comparative().Match(sentence) is { Success: true } cmp)
        {
            var a = scene.Single(cmp.Groups["a"].Value);
            var b = scene.Single(cmp.Groups["b"].Value);
            if (a is null || b is null || a == b)
            {
                return Parsed(scene, cmp.Groups["a"].Value, cmp.Groups["b"].Value) ? ClaimResult.Unknown() : null;
            }

            var larger = Margins.Greater(a.Area, b.Area, Margins.Area);
            var claimLarger = cmp.Groups["cmp"].Value is "larger" or "bigger";
            return ClaimResult.Of(claimLarger ? larger : !larger, Fact(a, b)).Negated(cmp.Groups["neg"].Success);
        }

        var sup = Superlative().Match(sentence);
        if (!sup.Success)
        {
            sup = SuperlativeFirst().Match(sentence);
        }

        return sup.Success ? EvaluateSuperlative(sup, scene) : null;
    }

    public static string Fact(DetectedObject a, DetectedObject b) =>
        Margins.Greater(a.Area, b.Area, Margins.Area) switch
        {
            true => $"{a.Name} is larger than {b.Name}",
            false => $"{a.Name} is smaller than {b.Name}",
            null => $"{a.Name} and {b.Name} are about the same size",
        };

    private static ClaimResult? EvaluateSuperlative(Match sup, SceneIndex scene)
    {
        var set = sup.Groups["set"].Success ? scene.Phrase(sup.Groups["set"].Value) : null;
        var phrase = scene.Phrase(sup.Groups["a"].Value);
        if (phrase is null || (sup.Groups["set"].Success && set is null))
        {
            return null;
        }

        var a = phrase.Quantity == PhraseQuantity.Exact ? null : scene.Resolve(phrase).Single;
        var members = set is null ? scene.Objects : scene.Resolve(set).Matches;
        if (a is null || (set is not null && scene.Resolve(set).Uncertain) || !members.Contains(a))
        {
            return ClaimResult.Unknown();
        }

        var largest = sup.Groups["sup"].Value is "largest" or "biggest";
        var others = members.Where(o => o != a).ToList();
        if (others.Count == 0)
        {
            return ClaimResult.Unknown();
        }

        // Compare with the strongest rival: the largest other for "largest", the smallest for "smallest".
        var rival = largest ? others.MaxBy(o => o.Area)! : others.MinBy(o => o.Area)!;
        var beats = largest ? Margins.Greater(a.Area, rival.Area, Margins.Area) : Margins.Greater(rival.Area, a.Area, Margins.Area);
        var word = largest ? "largest" : "smallest";
        var best = largest ? members.MaxBy(o => o.Area)! : members.MinBy(o => o.Area)!;
        return ClaimResult.Of(beats, $"the {word} {set?.Singular ?? "shape"} is {best.Name}").Negated(sup.Groups["neg"].Success);
    }

    private static bool Parsed(SceneIndex scene, string a, string b) => scene.Phrase(a) is not null && scene.Phrase(b) is not null;

    [GeneratedRegex(@"^(?<a>.+?) (?:is|are|looks|appears)(?<neg> not)? (?:much |slightly |a bit |a little |far |noticeably |considerably |significantly |clearly )?(?<cmp>larger|bigger|smaller) (?:in size )?than (?<b>.+?)(?: is| in the image)?$")]
    private static partial Regex Comparative();

    [GeneratedRegex(@"^(?<a>.+?) (?:is|are)(?<neg> not)? the (?<sup>largest|biggest|smallest)(?: (?<set>(?!in |of )[a-z ]+?))?(?: (?:in|of) the image)?$")]
    private static partial Regex Superlative();

    [GeneratedRegex(@"^the (?<sup>largest|biggest|smallest)(?: (?<set>(?!in |of )[a-z ]+?))?(?: (?:in|of) the image)? is(?<neg> not)? (?<a>.+)$")]
    private static partial Regex SuperlativeFirst();
}
