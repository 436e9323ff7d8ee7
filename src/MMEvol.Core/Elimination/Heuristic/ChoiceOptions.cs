using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// The options of a multiple-choice question ("A. red circle", "(B) blue square", one per line or
/// inline) and the letter an answer picks ("B", "B.", "(B)", "B. blue square", "The answer is B").
/// </summary>
internal sealed partial record ChoiceOptions(string Stem, IReadOnlyDictionary<char, string> Options)
{
    /// <summary>The options of a question, or null when it has fewer than two lettered from A in order.</summary>
    public static ChoiceOptions? Parse(string question)
    {
        // A real multiple-choice question is short; a huge text is not worth a quadratic scan.
        if (question.Length > 4000)
        {
            return null;
        }

        var matches = Option().Matches(question);
        var options = new Dictionary<char, string>();
        foreach (Match m in matches)
        {
            var letter = m.Groups["letter"].Value[0];
            if (letter != 'A' + options.Count)
            {
                break;
            }

            options[letter] = m.Groups["text"].Value.Trim().TrimEnd('.', ';', ',');
        }

        return options.Count < 2 ? null : new ChoiceOptions(question[..matches[0].Index], options);
    }

    /// <summary>The option letter an answer picks, or null.</summary>
    public char? Pick(string answer)
    {
        var m = Letter().Match(answer.Trim());
        var letter = m.Success ? char.ToUpperInvariant(m.Groups["letter"].Value[0]) : ' ';
        return Options.ContainsKey(letter) ? letter : null;
    }

    [GeneratedRegex(@"(?:^|(?<=\s))\(?(?<letter>[A-H])[.):]\s+(?<text>[^\n]+?)(?=\s+\(?[A-H][.):]\s|\s*\n|\s*$)")]
    private static partial Regex Option();

    // A bare "A red circle." is an article, not option A: a letter needs punctuation or the end after it.
    [GeneratedRegex(@"^(?:(?:the )?(?:correct )?(?:answer|option|choice)(?: is)?:?\s*)?\(?(?<letter>[A-H])(?:[.):]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Letter();
}
