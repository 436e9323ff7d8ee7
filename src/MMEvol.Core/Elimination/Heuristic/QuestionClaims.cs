using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Claims an answer makes only together with its question: multiple choice, true/false about a
/// quoted statement, a filled blank, yes/no, and short answers to how-many/what-color/where/which.
/// </summary>
internal static partial class QuestionClaims
{
    public static string? Contradiction(ItemText text, SceneIndex scene)
    {
        if (text.Choice is { } choice)
        {
            return choice.Pick(text.Item.Answer) is { } letter ? Choice(choice, letter, scene) : null;
        }

        if (TrueFalse(text.Question, text.Answer, scene) is { } truth)
        {
            return truth;
        }

        if (text.Question.Contains("__", StringComparison.Ordinal))
        {
            return FilledBlank(text, scene);
        }

        return Asked(text.QuestionSentences, YesNoQuestions.Answer(text.Answer), text.AnswerSentences, scene);
    }

    // The last question sentence that a form understands decides; earlier ones are context.
    private static string? Asked(IReadOnlyList<string> sentences, bool? yes, IReadOnlyList<string> answer, SceneIndex scene) =>
        AskedFailure(sentences, yes, answer, scene) is { } failure ? $"{failure.Said}, but {failure.Fact}" : null;

    private static (string Said, string Fact)? AskedFailure(IReadOnlyList<string> sentences, bool? yes, IReadOnlyList<string> answer, SceneIndex scene)
    {
        for (var i = sentences.Count - 1; i >= 0; i--)
        {
            if (sentences[i].Length > StatementEvaluator.MaxSentence)
            {
                continue;
            }

            if (yes is not null && YesNoQuestions.ToStatement(sentences[i], scene) is { } statement)
            {
                var result = StatementEvaluator.Evaluate(statement, scene);
                return result.Truth == (yes.Value ? Truth.Fails : Truth.Holds)
                    ? ($"answers {(yes.Value ? "yes" : "no")} to \"{sentences[i]}?\"", result.Fact)
                    : null;
            }

            if (ShortAnswers.ToStatement(sentences[i], answer, scene) is { } claim)
            {
                var result = StatementEvaluator.Evaluate(claim, scene);
                var said = answer.Count == 1 ? $"answer \"{answer[0]}\" means" : "the answer means";
                return result.Truth == Truth.Fails ? ($"{said} \"{claim}\"", result.Fact) : null;
            }
        }

        return null;
    }

    private static string? Choice(ChoiceOptions choice, char letter, SceneIndex scene)
    {
        var option = TextNormalizer.Normalize(choice.Options[letter]);
        var stem = TextNormalizer.Normalize(choice.Stem);
        var picked = $"answer picks {letter} ({choice.Options[letter]})";
        var asStatement = StatementEvaluator.EvaluateAll(option, scene);
        if (asStatement.Truth != Truth.Unknown && Statements().Match(stem) is { Success: true } kind)
        {
            var wantTrue = !kind.Groups["false"].Success;
            return asStatement.Truth == (wantTrue ? Truth.Fails : Truth.Holds) ? $"{picked}, but {asStatement.Fact}" : null;
        }

        return AskedFailure(SentenceSplitter.Split(stem), YesNoQuestions.Answer(option), [option], scene) is { } failure
            ? $"{picked}, but {failure.Fact}"
            : null;
    }

    private static string? TrueFalse(string q, string a, SceneIndex scene)
    {
        var verdict = TrueOrFalse().Match(a);
        var quoted = Quoted().Match(q);
        var statement = quoted.Success ? quoted.Groups["s"].Value : StatementAfter().Match(q) is { Success: true } m ? m.Groups["s"].Value : null;
        var yesNoAllowed = YesNoAboutStatement().IsMatch(q);
        if (!verdict.Success || statement is null || (verdict.Groups["yn"].Success && !yesNoAllowed))
        {
            return null;
        }

        var calledTrue = verdict.Groups["t"].Success;
        var result = StatementEvaluator.EvaluateAll(statement, scene);
        return result.Truth == (calledTrue ? Truth.Fails : Truth.Holds)
            ? $"answer calls \"{statement.TrimEnd('.')}\" {(calledTrue ? "true" : "false")}, but {result.Fact}"
            : null;
    }

    private static string? FilledBlank(ItemText text, SceneIndex scene)
    {
        var fill = FillLead().Replace(text.AnswerSentences.Count > 0 ? text.AnswerSentences[0] : "", "").Trim('"', '\'');
        var sentences = text.QuestionSentences.Where(s => Blank().IsMatch(s)).ToList();
        if (fill.Length == 0 || fill.Split(' ').Length > 6 || sentences.Count != 1 || Blank().Count(sentences[0]) != 1)
        {
            return null;
        }

        var filled = Blank().Replace(sentences[0], fill);
        var result = StatementEvaluator.Evaluate(SentenceSplitter.Split(filled).LastOrDefault() ?? filled, scene);
        return result.Truth == Truth.Fails ? $"the filled blank reads \"{filled}\", but {result.Fact}" : null;
    }

    [GeneratedRegex(@"\b(?:true|correct|accurate|match|matches|right)\b")]
    private static partial Regex YesNoAboutStatement();

    [GeneratedRegex(@"^(?:the (?:blank|missing word|missing words|answer) (?:is|reads)|it is)\s+")]
    private static partial Regex FillLead();

    [GeneratedRegex(@"_{2,}")]
    private static partial Regex Blank();

    // A bare "No" before a noun ("No triangles are visible") is a determiner, not a verdict.
    [GeneratedRegex(@"^(?:(?<t>true|correct)\b|(?<f>false|incorrect)\b|(?<yn>(?<t>yes)\b|(?<f>no)(?=[.,!;]|$)))")]
    private static partial Regex TrueOrFalse();

    [GeneratedRegex(@"""(?<s>[^""]{8,})""|(?:^|[\s:])'(?<s>[^']{8,})'(?=[\s.,?!]|$)")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?:true or false|is it true that|is the following (?:statement )?(?:true|correct))\s*[:,?-]?\s*(?<s>.+?)\??$")]
    private static partial Regex StatementAfter();

    [GeneratedRegex(@"\b(?:statements?|descriptions?|sentences?|claims?)\b.*?\b(?:(?<false>false|incorrect|wrong|not true|inaccurate)|true|correct|accurate|right)\b")]
    private static partial Regex Statements();
}
