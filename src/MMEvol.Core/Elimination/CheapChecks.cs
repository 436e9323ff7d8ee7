using System.Collections.Frozen;
using System.Text.RegularExpressions;
using MMEvol.Core.Formats;

namespace MMEvol.Core.Elimination;

/// <summary>
/// WizardLM's cheap elimination checks (METHOD.md, "Instruction elimination"), run before any judge:
/// a rewrite that adds no information, apologizes, says nothing, or echoes the prompt template fails.
/// </summary>
public static partial class CheapChecks
{
    public const string NoNewInformation = "no-new-information";
    public const string Apology = "apology";
    public const string StopWordsOnly = "stop-words-only";
    public const string TemplateEcho = "template-echo";

    /// <summary>WizardLM drops apologies only when short: a long answer that says sorry once is still an answer.</summary>
    public const int ApologyWordLimit = 80;

    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it",
        "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "s", "same", "she", "should",
        "so", "some", "such", "t", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
        "yours", "yourself", "yourselves", "yes", "ok", "okay",
    ]);

    /// <summary>
    /// The name of the first check the item fails, or null when it passes all. <paramref name="parent"/> is
    /// the item it rewrites, when known: equal to it up to case, spacing and punctuation adds nothing.
    /// </summary>
    public static string? Failure(SourceItem item, SourceItem? parent)
    {
        ArgumentNullException.ThrowIfNull(item);
        var words = Words($"{item.Question} {item.Answer}");
        if (parent is not null && Same(item.Question, parent.Question) && Same(item.Answer, parent.Answer))
        {
            return NoNewInformation;
        }

        if (words.Count < ApologyWordLimit && words.Any(w => w is "sorry" or "apologize" or "apologise"))
        {
            return Apology;
        }

        if (words.All(StopWords.Contains))
        {
            return StopWordsOnly;
        }

        var text = string.Join('\n', item.Question, item.Answer, string.Join('\n', item.Steps.Select(s => s.Description)));
        return TemplateWords().IsMatch(text) || SectionMarker().IsMatch(text) ? TemplateEcho : null;
    }

    private static bool Same(string a, string b) => Words(a).SequenceEqual(Words(b), StringComparer.Ordinal);

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    [GeneratedRegex(@"\b(?:given|rewritten|created) (?:prompt|instruction)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TemplateWords();

    // A prompt's section marker such as "#Given Prompt#": words right inside two hashes ("C# and F#" is not one).
    [GeneratedRegex(@"#[A-Za-z]+(?:[ _][A-Za-z]+){0,4}#")]
    private static partial Regex SectionMarker();
}
