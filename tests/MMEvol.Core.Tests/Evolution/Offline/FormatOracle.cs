using System.Text.RegularExpressions;

namespace MMEvol.Core.Tests.Evolution.Offline;

/// <summary>The answer an interaction item must give, worked out from its question text and the boxes.</summary>
internal static class FormatOracle
{
    /// <summary>The exact answer expected, or null when the format is checked by <see cref="ItemOracle"/> sentence by sentence.</summary>
    public static string? Expected(string format, string question, SceneTruth truth) => format switch
    {
        "multi_choice" => Choice(question, (stem, option) => RightOption(stem, option, truth)),
        "region_selection" => Choice(question, (stem, option) =>
            option == SceneTruth.Box(truth.The(Match(stem, "^Which box frames the (.+)\\?$")))),
        "missing_object_selection" => Choice(question, (stem, option) =>
            stem == "Which of these objects does the image not contain?" ? !truth.Has(option) : throw Unread(stem)),
        "fill_in_the_blank" => question.StartsWith("Fill in the blank to finish", StringComparison.Ordinal)
            ? Finish(Regex.Match(question, "^Fill in the blank to finish the answer to \"(.+)\": (.+)$"), truth)
            : FillIn(Match(question, "^Fill in the blank: (.+)$"), truth),
        "relative_distance" => Closer(Regex.Match(question, "^Which is closer to the (.+): the (.+) or the (.+)\\?$"), truth),
        "object_region_matching" => Holder(Match(question, "^Which object fills the box (\\[.+\\])\\?$"), truth),
        "instruction_following" => Instruction(question, truth),
        _ => null,
    };

    private static string Choice(string question, Func<string, string, bool> isRight)
    {
        var lines = question.Split('\n');
        var options = lines.Skip(1).Select((line, i) =>
        {
            var prefix = $"{(char)('A' + i)}. ";
            return line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..] : throw Unread(line);
        }).ToList();
        if (options.Count < 2 || options.Distinct().Count() != options.Count)
            throw new UnfairQuestionException($"bad options in '{question}'");
        var right = options.Select((o, i) => (o, i)).Where(x => isRight(lines[0], x.o)).ToList();
        if (right.Count != 1)
            throw new UnfairQuestionException($"{right.Count} right options in '{question}'");
        return $"{(char)('A' + right[0].i)}. {right[0].o}";
    }

    private static bool RightOption(string stem, string option, SceneTruth truth)
    {
        Match m;
        if ((m = Regex.Match(stem, "^Where does the (.+) appear in the image\\?$")).Success)
            return SceneTruth.Region(truth.The(m.Groups[1].Value)) == option;
        if ((m = Regex.Match(stem, "^Which color does the (\\w+) have\\?$")).Success)
            return SceneTruth.Color(truth.OnlyNoun(m.Groups[1].Value).Label) == option;
        if ((m = Regex.Match(stem, "^Which object sits closest to the (.+)\\?$")).Success)
            return truth.Nearest(truth.The(m.Groups[1].Value)).Label == option;
        if ((m = Regex.Match(stem, "^How many (.+) does the picture show\\?$")).Success)
            return truth.IsKind(m.Groups[1].Value) && truth.CountOf(m.Groups[1].Value).ToString(System.Globalization.CultureInfo.InvariantCulture) == option;
        throw Unread(stem);
    }

    private static string FillIn(string sentence, SceneTruth truth)
    {
        Match m;
        string word;
        if ((m = Regex.Match(sentence, "^The (.+) is in the ___ of the image\\.$")).Success)
            word = SceneTruth.Region(truth.The(m.Groups[1].Value));
        else if ((m = Regex.Match(sentence, "^The number of (.+) in the picture is ___\\.$")).Success && truth.IsKind(m.Groups[1].Value))
            word = truth.CountOf(m.Groups[1].Value).ToString(System.Globalization.CultureInfo.InvariantCulture);
        else if ((m = Regex.Match(sentence, "^The (\\w+) is ___\\.$")).Success)
            word = SceneTruth.Color(truth.OnlyNoun(m.Groups[1].Value).Label)!;
        else if ((m = Regex.Match(sentence, "^The (.+) is ___ of the (.+)\\.$")).Success)
            word = SceneTruth.Offset(truth.The(m.Groups[1].Value), "left of", truth.The(m.Groups[2].Value)) > 0 ? "left" : "right";
        else
            throw Unread(sentence);

        var filled = sentence.Replace("___", word, StringComparison.Ordinal);
        if ((m = Regex.Match(filled, "^The number of (.+) in the picture is (\\d+)\\.$")).Success)
            filled = word == "1" ? $"There is 1 {truth.All.Select(d => d.Label).Concat(truth.All.Select(d => SceneTruth.Noun(d.Label))).First(k => SceneTruth.Plural(k) == m.Groups[1].Value)}." : $"There are {word} {m.Groups[1].Value}.";
        else if ((m = Regex.Match(filled, "^The (.+) is (left|right) of the (.+)\\.$")).Success)
            filled = $"The {m.Groups[1].Value} is {word} of the {m.Groups[3].Value}.";
        return $"The blank is {word}. {filled}";
    }

    // The blanked sentence must be the conclusion the quoted question calls for, one word or name left out.
    private static string Finish(Match m, SceneTruth truth)
    {
        if (!m.Success)
            throw new UnfairQuestionException("unread fill-in question");
        var expected = QuestionOracle.ExpectedClaims(m.Groups[1].Value, truth)[^1];
        var parts = m.Groups[2].Value.Split("___");
        if (parts.Length != 2 || !expected.StartsWith(parts[0], StringComparison.Ordinal) || !expected.EndsWith(parts[1], StringComparison.Ordinal)
            || expected.Length < parts[0].Length + parts[1].Length + 1)
            throw new UnfairQuestionException($"'{m.Groups[2].Value}' does not blank '{expected}'");
        return $"The blank is {expected[parts[0].Length..^parts[1].Length]}. {expected}";
    }

    private static string Closer(Match m, SceneTruth truth)
    {
        if (!m.Success)
            throw new UnfairQuestionException("unread relative_distance question");
        var (c, a, b) = (truth.The(m.Groups[1].Value), truth.The(m.Groups[2].Value), truth.The(m.Groups[3].Value));
        var (da, db) = (SceneTruth.Distance(a, c), SceneTruth.Distance(b, c));
        SceneTruth.Clear(da, db, "distances");
        var (near, far) = da < db ? (a, b) : (b, a);
        return $"The {near.Label} is closer to the {c.Label} than the {far.Label} is.";
    }

    private static string Holder(string box, SceneTruth truth)
    {
        var holder = truth.All.Single(d => SceneTruth.Box(d) == box);
        truth.The(holder.Label);
        return $"The {holder.Label} is at {box}.";
    }

    private static string Instruction(string question, SceneTruth truth)
    {
        Match m;
        if ((m = Regex.Match(question, "^Answer in one sentence that starts with \"The\": where in the image is the (.+)\\?$")).Success)
            return $"The {m.Groups[1].Value} is in the {SceneTruth.Region(truth.The(m.Groups[1].Value))} of the image.";
        if ((m = Regex.Match(question, "^Reply with one short sentence: how many (.+) does the picture show\\?$")).Success)
            return Assert.Single(QuestionOracle.ExpectedClaims($"How many {m.Groups[1].Value} does the picture show?", truth));
        throw Unread(question);
    }

    private static string Match(string text, string pattern)
    {
        var m = Regex.Match(text, pattern);
        return m.Success ? m.Groups[1].Value : throw Unread(text);
    }

    private static UnfairQuestionException Unread(string text) => new($"no oracle for '{text}'");
}
