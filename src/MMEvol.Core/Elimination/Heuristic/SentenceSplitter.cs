using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Splits normalized text into plain sentences without end punctuation and with leading
/// connectives ("So,", "Yes,", "In total,") dropped, so that a claim form sees the claim alone.
/// </summary>
internal static partial class SentenceSplitter
{
    private static readonly FrozenSet<string> ConnectiveStarts = FrozenSet.ToFrozenSet(
    [
        "so", "therefore", "thus", "hence", "overall", "altogether", "in", "finally", "as", "consequently", "indeed", "clearly",
        "then", "also", "and", "but", "additionally", "moreover", "looking", "based", "according", "yes", "correct", "true",
        "incorrect", "false", "no", "first", "second", "third", "next", "right", "wrong", "well",
    ]);

    /// <summary>Plain sentences of normalized text, without end punctuation or leading connectives.</summary>
    public static IReadOnlyList<string> Split(string normalized)
    {
        var list = new List<string>();
        var start = 0;
        for (var i = 0; i <= normalized.Length; i++)
        {
            // A sentence ends at a line break, or at . ! ? ; before a space, so "0.5" stays whole.
            var end = i == normalized.Length || normalized[i] == '\n' ||
                      (normalized[i] is '.' or '!' or '?' or ';' && i + 1 < normalized.Length && normalized[i + 1] == ' ');
            if (!end)
            {
                continue;
            }

            foreach (var piece in SplitLabel(normalized[start..Math.Min(i + 1, normalized.Length)]))
            {
                var sentence = StripConnectives(piece.Trim().Trim('"', '\'', '*').TrimEnd('.', '!', '?', ';', ':', ',', ' ').Trim('"', '\''));
                if (sentence.Length > 0)
                {
                    list.Add(sentence);
                }
            }

            start = i + 1;
        }

        return list;
    }

    private static string StripConnectives(string sentence)
    {
        // The regex runs only after a cheap look at the first word: most sentences start with none.
        while (sentence.Length > 0)
        {
            var end = sentence.AsSpan().IndexOfAny(' ', ',');
            if (!ConnectiveStarts.Contains(end < 0 ? sentence : sentence[..end]) || Connective().Match(sentence) is not { Success: true, Length: > 0 } m)
            {
                break;
            }

            sentence = sentence[m.Length..];
        }

        return sentence;
    }

    // A colon after a short lead ("Fill in the blank:", "There are 3 shapes:") starts a new clause;
    // after a longer one ("Which is closer to the red circle: the ...") it is part of the sentence.
    private static IEnumerable<string> SplitLabel(string piece)
    {
        var colon = piece.IndexOf(": ", StringComparison.Ordinal);
        while (colon > 0 && piece.AsSpan(0, colon).Count(' ') < 4)
        {
            yield return piece[..(colon + 1)];
            piece = piece[(colon + 2)..];
            colon = piece.IndexOf(": ", StringComparison.Ordinal);
        }

        yield return piece;
    }

    // "no" and ordinals only before a comma: "No purple star is visible" and "first triangle" keep them.
    [GeneratedRegex(@"^(?:(?:so|therefore|thus|hence|overall|altogether|in total|in conclusion|in summary|in short|finally|as a result|consequently|indeed|clearly|then|also|and|but|additionally|moreover|in the image|looking at the image|based on the image|according to the image|yes|correct|true|incorrect|false)(?:,\s*|\s+-\s+|\s+)|(?:no|first|second|third|next|right|wrong|well)(?:,\s*|\s+-\s+))")]
    private static partial Regex Connective();
}
