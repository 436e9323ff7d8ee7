using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Brings free text to the one spelling the claim forms match: lower case, "picture"/"photo" as
/// "image", contractions expanded, box coordinates removed.
/// </summary>
internal static partial class TextNormalizer
{
    private static readonly SearchValues<string> SynonymCues =
        SearchValues.Create(["pictur", "photo", "scene", "centre", "middle", "grey", "colour"], StringComparison.Ordinal);

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '`' => '\'',
                '\u201C' or '\u201D' => '"',
                '\r' or '\t' => ' ',
                _ => char.ToLowerInvariant(c),
            });
        }

        // Each rewrite runs only where its trigger occurs: most text needs none of them.
        var s = builder.ToString();
        if (s.AsSpan().IndexOfAny('[', '(') >= 0)
        {
            s = Boxes().Replace(s, " ");
        }

        if (s.Contains('-'))
        {
            s = Hyphen().Replace(s, " ");
        }

        if (s.Contains('\''))
        {
            s = s.Replace("can't", "can not", StringComparison.Ordinal).Replace("won't", "will not", StringComparison.Ordinal)
                .Replace("n't", " not", StringComparison.Ordinal)
                .Replace("there's", "there is", StringComparison.Ordinal).Replace("it's", "it is", StringComparison.Ordinal)
                .Replace("that's", "that is", StringComparison.Ordinal);
        }

        s = s.Replace("cannot", "can not", StringComparison.Ordinal);
        if (s.AsSpan().ContainsAny(SynonymCues))
        {
            s = Synonym().Replace(s, m => m.Value switch
            {
                "picture" or "photo" or "photograph" or "scene" => "image",
                "pictures" or "photos" or "photographs" or "scenes" => "images",
                "centre" or "middle" => "center",
                "grey" => "gray",
                "colour" => "color",
                "colours" => "colors",
                _ => m.Value,
            });
        }

        s = s.Replace("this image", "the image", StringComparison.Ordinal);
        return (s.Contains("  ", StringComparison.Ordinal) ? Spaces().Replace(s, " ") : s).Trim();
    }

    /// <summary>Words of normalized text: runs of lower-case letters and digits.</summary>
    public static string[] Words(string normalized)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var inWord = i < normalized.Length && (char.IsAsciiLetterLower(normalized[i]) || char.IsAsciiDigit(normalized[i]));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(normalized[start..i]);
                start = -1;
            }
        }

        return words.ToArray();
    }

    [GeneratedRegex(@"[\[(]\s*-?\d*\.?\d+(?:\s*,\s*-?\d*\.?\d+){1,3}\s*[\])]")]
    private static partial Regex Boxes();

    [GeneratedRegex(@"(?<=[a-z])-(?=[a-z])")]
    private static partial Regex Hyphen();

    [GeneratedRegex(@"\b(?:pictures?|photos?|photographs?|scenes?|centre|middle|grey|colours?)\b")]
    private static partial Regex Synonym();

    [GeneratedRegex(@"[ ]{2,}")]
    private static partial Regex Spaces();
}
