using System.Globalization;
using System.Text.RegularExpressions;
using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Claims that tie a label to a box, read from the original text (normalizing drops the numbers):
/// "The blue hexagon is at [0.531, 0.254, 0.586, 0.309]." must name the object that box frames,
/// and "Which box frames the red triangle?" must be answered with the option holding its box. A
/// box matches a detection when every coordinate is within <see cref="Tolerance"/>.
/// </summary>
internal static partial class BoxClaims
{
    private const double Tolerance = 0.006;

    public static string? Contradiction(ItemText text, IReadOnlyList<Detection> detections)
    {
        foreach (Match claim in LabelAtBox().Matches(text.Item.Answer))
        {
            var label = claim.Groups["label"].Value.Trim().ToLowerInvariant();
            if (Box(claim.Groups["box"].Value) is not { } box || Framed(detections, box) is not { Count: > 0 } framed)
                continue;
            if (!framed.Any(d => string.Equals(d.Label, label, StringComparison.OrdinalIgnoreCase)))
                return $"answer puts the {label} at {claim.Groups["box"].Value}, but that box frames the {framed[0].Label}";
        }

        if (FramesQuestion().Match(text.Item.Question) is { Success: true } question && text.Choice is { } choice
            && choice.Pick(text.Item.Answer) is { } letter && Box(choice.Options[letter]) is { } picked)
        {
            var label = question.Groups["label"].Value.Trim().ToLowerInvariant();
            var targets = detections.Where(d => string.Equals(d.Label, label, StringComparison.OrdinalIgnoreCase)).ToList();
            if (targets.Count > 0 && !targets.Any(d => Same(d, picked)))
                return $"answer picks box {letter}, but the {label} is at [{Format(targets[0])}]";
        }
        return null;
    }

    private static List<Detection> Framed(IReadOnlyList<Detection> detections, double[] box) =>
        detections.Where(d => Same(d, box)).ToList();

    private static bool Same(Detection d, double[] box) =>
        Math.Abs(d.X1 - box[0]) <= Tolerance && Math.Abs(d.Y1 - box[1]) <= Tolerance
        && Math.Abs(d.X2 - box[2]) <= Tolerance && Math.Abs(d.Y2 - box[3]) <= Tolerance;

    private static double[]? Box(string text)
    {
        var m = BoxNumbers().Match(text);
        if (!m.Success)
            return null;
        return Enumerable.Range(1, 4).Select(i => double.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
    }

    private static string Format(Detection d) =>
        string.Join(", ", new[] { d.X1, d.Y1, d.X2, d.Y2 }.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"\[\s*([01](?:\.\d+)?)\s*,\s*([01](?:\.\d+)?)\s*,\s*([01](?:\.\d+)?)\s*,\s*([01](?:\.\d+)?)\s*\]")]
    private static partial Regex BoxNumbers();

    [GeneratedRegex(@"\bthe (?<label>[a-z]+(?: [a-z]+)?) (?:is|sits|lies) (?:at|in|inside) (?:the box )?(?<box>\[[^\]]{7,60}\])", RegexOptions.IgnoreCase)]
    private static partial Regex LabelAtBox();

    [GeneratedRegex(@"which (?:box|region|bounding box) (?:frames|holds|contains|shows|encloses) the (?<label>[a-z]+(?: [a-z]+)?)\s*\?", RegexOptions.IgnoreCase)]
    private static partial Regex FramesQuestion();
}
