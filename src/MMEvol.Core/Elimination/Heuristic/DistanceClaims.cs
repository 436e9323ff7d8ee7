using System.Buffers;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Distance between box centers: "The red circle is closest to the blue square.", "The shape
/// nearest to the blue square is the red circle.", "The red circle is closer to the blue square
/// than the green triangle is." / "... than to the green triangle." Distances whose ratio is under
/// <see cref="Margins.Distance"/> are too close to call. "X is closest to Y" reads two ways (X is
/// Y's nearest, or Y is X's nearest): it holds or fails only when both readings agree.
/// </summary>
internal static partial class DistanceClaims
{
    // A cheap test before the regexes: most sentences of an answer are no claim of this kind.
    private static readonly SearchValues<string> Cues = SearchValues.Create(["closest", "nearest", "farthest", "furthest", "closer", "nearer", "farther", "further"], StringComparison.Ordinal);

    public static ClaimResult? Evaluate(string sentence, SceneIndex scene)
    {
        if (!sentence.AsSpan().ContainsAny(Cues))
        {
            return null;
        }

        if (Comparative().Match(sentence) is { Success: true } cmp)
        {
            return Comparison(cmp, scene);
        }

        var subjectFirst = Superlative().Match(sentence);
        var match = subjectFirst.Success ? subjectFirst : SuperlativeFirst().Match(sentence);
        if (!match.Success)
        {
            return null;
        }

        var (a, b) = (scene.Single(match.Groups["a"].Value), scene.Single(match.Groups["b"].Value));
        if (a is null || b is null || a == b || scene.Objects.Count < 3)
        {
            return Known(scene, match) ? ClaimResult.Unknown() : null;
        }

        var nearest = match.Groups["sup"].Value is "closest" or "nearest";
        // Reading 1: among all others, a is b's nearest. Reading 2: among all others, b is a's nearest.
        var toB = Best(a, b, scene.Objects.Where(o => o != a && o != b).Select(o => o.DistanceTo(b)), nearest);
        var toA = Best(a, b, scene.Objects.Where(o => o != a && o != b).Select(o => o.DistanceTo(a)), nearest);
        var truth = subjectFirst.Success ? (toB == toA ? toB : null) : toB;
        var winner = nearest ? Nearest(scene, b) : Farthest(scene, b);
        return ClaimResult.Of(truth, $"the shape {(nearest ? "nearest to" : "farthest from")} {b.Name} is {winner.Name}")
            .Negated(match.Groups["neg"].Success);
    }

    private static ClaimResult? Comparison(Match cmp, SceneIndex scene)
    {
        var (a, b, c) = (scene.Single(cmp.Groups["a"].Value), scene.Single(cmp.Groups["b"].Value), scene.Single(cmp.Groups["c"].Value));
        if (a is null || b is null || c is null || a == b || b == c || a == c)
        {
            return Known(scene, cmp) && scene.Phrase(cmp.Groups["c"].Value) is not null ? ClaimResult.Unknown() : null;
        }

        var closer = cmp.Groups["cmp"].Value is "closer" or "nearer";
        var ab = a.DistanceTo(b);
        // "than c is": c's distance to b; "than to c": a's distance to c; bare "than c": both must agree.
        bool? otherIs = Margins.Greater(c.DistanceTo(b), ab, Margins.Distance);
        bool? toOther = Margins.Greater(a.DistanceTo(c), ab, Margins.Distance);
        var aCloser = cmp.Groups["to"].Success ? toOther : cmp.Groups["is"].Success ? otherIs : otherIs == toOther ? otherIs : null;
        var fact = cmp.Groups["to"].Success
            ? $"{a.Name} is {(a.DistanceTo(b) < a.DistanceTo(c) ? "nearer to " + b.Name : "nearer to " + c.Name)}"
            : $"{(ab < c.DistanceTo(b) ? a.Name : c.Name)} is nearer to {b.Name}";
        return ClaimResult.Of(closer ? aCloser : !aCloser, fact).Negated(cmp.Groups["neg"].Success);
    }

    // True when the pair's distance clearly beats every other candidate distance, false when some candidate clearly beats it.
    private static bool? Best(DetectedObject a, DetectedObject b, IEnumerable<double> others, bool nearest)
    {
        var d = a.DistanceTo(b);
        var results = others.Select(o => nearest ? Margins.Greater(o, d, Margins.Distance) : Margins.Greater(d, o, Margins.Distance)).ToList();
        return results.Contains(false) ? false : results.All(r => r == true) ? true : null;
    }

    private static DetectedObject Nearest(SceneIndex scene, DetectedObject b) =>
        scene.Objects.Where(o => o != b).MinBy(o => o.DistanceTo(b))!;

    private static DetectedObject Farthest(SceneIndex scene, DetectedObject b) =>
        scene.Objects.Where(o => o != b).MaxBy(o => o.DistanceTo(b))!;

    private static bool Known(SceneIndex scene, Match match) =>
        scene.Phrase(match.Groups["a"].Value) is not null && scene.Phrase(match.Groups["b"].Value) is not null;

    [GeneratedRegex(@"^(?<a>.+?) (?:is|lies|sits)(?<neg> not)? (?:the )?(?:shape |object |one )?(?<sup>closest|nearest|farthest|furthest) (?:shape |object |one )?(?:to|from) (?<b>.+?)(?: in the image)?$")]
    private static partial Regex Superlative();

    [GeneratedRegex(@"^the (?:shape |object |one )?(?<sup>closest|nearest|farthest|furthest) (?:shape |object |one )?(?:to|from) (?<b>.+?) is(?<neg> not)? (?<a>.+)$")]
    private static partial Regex SuperlativeFirst();

    [GeneratedRegex(@"^(?<a>.+?) (?:is|lies|sits)(?<neg> not)? (?:much |slightly |a bit |far )?(?<cmp>closer|nearer|farther|further) (?:to|from) (?<b>.+?) than (?<to>(?:to|from) )?(?<c>.+?)(?<is> is| are)?$")]
    private static partial Regex Comparative();
}
