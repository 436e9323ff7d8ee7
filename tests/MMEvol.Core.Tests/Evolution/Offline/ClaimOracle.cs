using System.Globalization;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Tests.Evolution.Offline;

/// <summary>
/// Reads one answer sentence the way a careful reviewer with the boxes would: true, false, or
/// null for a sentence that claims nothing checkable (working such as "... covers 0.0123 ...").
/// </summary>
internal static class ClaimOracle
{
    public static bool? Holds(string sentence, SceneTruth truth)
    {
        Match m;
        if ((m = Regex.Match(sentence, "^So (.+)$")).Success)
            return Holds(char.ToUpperInvariant(m.Groups[1].Value[0]) + m.Groups[1].Value[1..], truth);
        if ((m = Regex.Match(sentence, @"^The (.+) is (left of|right of|above|below) the (.+)\.$")).Success)
            return SceneTruth.Offset(truth.The(m.Groups[1].Value), m.Groups[2].Value, truth.The(m.Groups[3].Value)) > 0;
        if ((m = Regex.Match(sentence, @"^The (.+) is larger than the (.+)\.$")).Success)
        {
            var (a, b) = (truth.The(m.Groups[1].Value).Area, truth.The(m.Groups[2].Value).Area);
            SceneTruth.Clear(a, b, "areas");
            return a > b;
        }

        if ((m = Regex.Match(sentence, @"^The (.+) is closer to the (.+) than the (.+) is\.$")).Success)
        {
            var anchor = truth.The(m.Groups[2].Value);
            var (a, b) = (SceneTruth.Distance(truth.The(m.Groups[1].Value), anchor), SceneTruth.Distance(truth.The(m.Groups[3].Value), anchor));
            SceneTruth.Clear(a, b, "distances");
            return a < b;
        }

        if ((m = Regex.Match(sentence, @"^The (.+) is closest to the (.+)\.$")).Success)
            return truth.Nearest(truth.The(m.Groups[2].Value)).Label == m.Groups[1].Value;
        if ((m = Regex.Match(sentence, @"^The (.+) is in the (.+) of the image\.$")).Success)
            return SceneTruth.Region(truth.The(m.Groups[1].Value)) == m.Groups[2].Value;
        if ((m = Regex.Match(sentence, @"^The (.+) is the smallest object in the image\.$")).Success)
            return Smallest(truth).Label == m.Groups[1].Value;
        if ((m = Regex.Match(sentence, @"^The (.+) is at (\[.+\])\.$")).Success)
            return truth.Has(m.Groups[1].Value) && SceneTruth.Box(truth.The(m.Groups[1].Value)) == m.Groups[2].Value;
        if ((m = Regex.Match(sentence, @"^The (\w+) is (\w+)\.$")).Success)
            return SceneTruth.Color(truth.OnlyNoun(m.Groups[1].Value).Label) == m.Groups[2].Value;
        if ((m = Regex.Match(sentence, @"^There (?:is|are) (\d+) (.+)\.$")).Success)
            return truth.CountOf(m.Groups[2].Value) == int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if ((m = Regex.Match(sentence, @"^There are more (.+) than (.+)\.$")).Success)
            return truth.CountOf(m.Groups[1].Value) > truth.CountOf(m.Groups[2].Value);
        if ((m = Regex.Match(sentence, @"^Yes, there is an? (.+)\.$")).Success)
            return truth.Has(m.Groups[1].Value);
        if ((m = Regex.Match(sentence, @"^No, there is no (.+)\.$")).Success)
            return !truth.Has(m.Groups[1].Value);
        if ((m = Regex.Match(sentence, @"^(No|\d+) objects? lies? (left of|right of|above|below) the (.+)\.$")).Success)
            return Beside(truth, m.Groups[2].Value, m.Groups[3].Value) == (m.Groups[1].Value == "No" ? 0 : int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return null;
    }

    public static int Beside(SceneTruth truth, string relation, string label)
    {
        var anchor = truth.The(label);
        return truth.All.Where(d => d != anchor).Count(d => SceneTruth.Offset(d, relation, anchor) > 0);
    }

    public static MMEvol.Core.Model.Detection Smallest(SceneTruth truth)
    {
        var ranked = truth.All.OrderBy(d => d.Area).ToList();
        SceneTruth.Clear(ranked[0].Area, ranked[1].Area, "smallest");
        return truth.The(ranked[0].Label);
    }

    /// <summary>An answer's sentences; the dots inside numbers and boxes are not sentence ends.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        Regex.Split(text.Trim(), @"(?<=[.?!])\s+").Where(s => s.Length > 0).ToList();
}
