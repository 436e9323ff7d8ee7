namespace MMEvol.Core.Evolution.Offline;

/// <summary>Whole-word search and replace, so that "red cross" never matches inside "red crosses".</summary>
internal static class TextSearch
{
    public static bool ContainsWord(string text, string phrase) => IndexOfWord(text, phrase, 0) >= 0;

    public static string ReplaceWord(string text, string phrase, string replacement)
    {
        var at = IndexOfWord(text, phrase, 0);
        while (at >= 0)
        {
            text = string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + phrase.Length));
            at = IndexOfWord(text, phrase, at + replacement.Length);
        }

        return text;
    }

    private static int IndexOfWord(string text, string phrase, int start)
    {
        if (phrase.Length == 0)
            return -1;
        for (var at = text.IndexOf(phrase, start, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + phrase.Length;
            if (before && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                return at;
        }

        return -1;
    }
}
