using System.Text.RegularExpressions;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Offline;

/// <summary>
/// Re-derives the claims a plain (Norm) question calls for, from its text and the boxes: one
/// question for a perception item, a chain of parts for a reasoning item, where "that object" is
/// the answer of the latest part that picked an object.
/// </summary>
internal static class QuestionOracle
{
    private const string P = "(that object|the [^,?]+?)";

    public static IReadOnlyList<string> ExpectedClaims(string question, SceneTruth truth)
    {
        var parts = ClaimOracle.Sentences(question).Where(s => s.EndsWith('?')).ToList();
        if (parts.Count == 0)
            throw new UnfairQuestionException($"no question in '{question}'");
        var claims = new List<string>();
        Detection? subject = null;
        foreach (var part in parts)
            claims.AddRange(Part(part, truth, ref subject));
        return claims;
    }

    private static IEnumerable<string> Part(string q, SceneTruth truth, ref Detection? subject)
    {
        var current = subject;
        Detection Resolve(Group g) => g.Value == "that object"
            ? current ?? throw new UnfairQuestionException($"'that object' refers to nothing in '{q}'")
            : truth.The(g.Value[4..]);

        Match m;
        if ((m = Regex.Match(q, $"^Which one covers more of the image, {P} or {P}\\?$")).Success)
        {
            var (a, b) = (Resolve(m.Groups[1]), Resolve(m.Groups[2]));
            SceneTruth.Clear(a.Area, b.Area, "areas");
            var (big, small) = a.Area > b.Area ? (a, b) : (b, a);
            subject = big;
            return [$"The {big.Label} is larger than the {small.Label}."];
        }

        if ((m = Regex.Match(q, $"^Of {P} and {P}, which sits further (to the left|to the right|up|down)\\?$")).Success)
        {
            var relation = m.Groups[3].Value switch { "to the left" => "left of", "to the right" => "right of", "up" => "above", _ => "below" };
            var (a, b) = (Resolve(m.Groups[1]), Resolve(m.Groups[2]));
            var (winner, loser) = SceneTruth.Offset(a, relation, b) > 0 ? (a, b) : (b, a);
            subject = winner;
            return [$"The {winner.Label} is {relation} the {loser.Label}."];
        }

        if ((m = Regex.Match(q, $"^Which is closer to {P}, {P} or {P}\\?$")).Success)
        {
            var (c, a, b) = (Resolve(m.Groups[1]), Resolve(m.Groups[2]), Resolve(m.Groups[3]));
            var (da, db) = (SceneTruth.Distance(a, c), SceneTruth.Distance(b, c));
            SceneTruth.Clear(da, db, "distances");
            var (near, far) = da < db ? (a, b) : (b, a);
            subject = near;
            return [$"The {near.Label} is closer to the {c.Label} than the {far.Label} is."];
        }

        if ((m = Regex.Match(q, $"^Which object (?:lies nearest|sits closest) to {P}\\?$")).Success)
        {
            var anchor = Resolve(m.Groups[1]);
            var near = truth.Nearest(anchor);
            subject = near;
            return [$"The {near.Label} is closest to the {anchor.Label}."];
        }

        if ((m = Regex.Match(q, $"^In which part of the image (?:does {P} lie|is {P} located)\\?$")).Success)
        {
            var a = Resolve(m.Groups[1].Success ? m.Groups[1] : m.Groups[2]);
            return [$"The {a.Label} is in the {SceneTruth.Region(a)} of the image."];
        }

        if ((m = Regex.Match(q, $"^Is {P} (left or right of|above or below) {P}\\?$")).Success)
        {
            var (a, b) = (Resolve(m.Groups[1]), Resolve(m.Groups[3]));
            var axis = m.Groups[2].Value.StartsWith("left", StringComparison.Ordinal) ? "left of" : "above";
            var relation = SceneTruth.Offset(a, axis, b) > 0 ? axis : axis == "left of" ? "right of" : "below";
            return [$"The {a.Label} is {relation} the {b.Label}."];
        }

        if ((m = Regex.Match(q, $"^How many objects lie (left of|right of|above|below) {P}\\?$")).Success)
        {
            var a = Resolve(m.Groups[2]);
            var n = ClaimOracle.Beside(truth, m.Groups[1].Value, a.Label);
            var subjectWord = n == 0 ? "No object lies" : n == 1 ? "1 object lies" : $"{n} objects lie";
            return [$"{subjectWord} {m.Groups[1].Value} the {a.Label}."];
        }

        if ((m = Regex.Match(q, "^Which color does (that object|the (\\w+)) have\\?$")).Success)
        {
            var a = m.Groups[2].Success ? truth.OnlyNoun(m.Groups[2].Value) : Resolve(m.Groups[1]);
            var noun = SceneTruth.Noun(a.Label);
            truth.OnlyNoun(noun);
            return [$"The {noun} is {SceneTruth.Color(a.Label)}."];
        }

        if (q == "Which object takes up the least space in the image?")
            return [$"The {ClaimOracle.Smallest(truth).Label} is the smallest object in the image."];

        if ((m = Regex.Match(q, "^How many (.+) does the picture show\\?$")).Success)
        {
            subject = null;
            return [Count(truth, m.Groups[1].Value)];
        }

        if ((m = Regex.Match(q, "^Does the picture hold more (.+) than (.+)\\?$")).Success)
        {
            subject = null;
            var (a, b) = (truth.CountOf(m.Groups[1].Value), truth.CountOf(m.Groups[2].Value));
            if (a == b)
                throw new UnfairQuestionException($"equal counts in '{q}'");
            var (many, few) = a > b ? (m.Groups[1].Value, m.Groups[2].Value) : (m.Groups[2].Value, m.Groups[1].Value);
            return [Count(truth, m.Groups[1].Value), Count(truth, m.Groups[2].Value), $"There are more {many} than {few}."];
        }

        if ((m = Regex.Match(q, "^Does the picture (also )?contain an? (.+)\\?$")).Success)
        {
            if (m.Groups[1].Success)
                subject = null;
            var label = m.Groups[2].Value;
            return [truth.Has(label) ? $"Yes, there is {(("aeiou".Contains(label[0])) ? "an" : "a")} {label}." : $"No, there is no {label}."];
        }

        throw new UnfairQuestionException($"no oracle for '{q}'");
    }

    // Counts are written against the plural the question used; the singular is that plural less its ending.
    private static string Count(SceneTruth truth, string plural)
    {
        if (!truth.IsKind(plural))
            throw new UnfairQuestionException($"'{plural}' is not a kind in the picture");
        var n = truth.CountOf(plural);
        var singular = truth.All.Select(d => d.Label).Concat(truth.All.Select(d => SceneTruth.Noun(d.Label)))
            .First(k => SceneTruth.Plural(k) == plural);
        return n == 1 ? $"There is 1 {singular}." : $"There are {n} {plural}.";
    }
}
