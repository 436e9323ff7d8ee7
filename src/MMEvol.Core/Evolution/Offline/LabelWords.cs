namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Reads a detection label as "[attribute ...] noun": the last word is what gets counted, a
/// leading color word is what a color question asks about. Works for the Shapes world's
/// "red circle" and for plain labels such as "person".
/// </summary>
internal static class LabelWords
{
    public static string Noun(string label) => label[(label.LastIndexOf(' ') + 1)..];

    public static string? Color(string label)
    {
        var space = label.IndexOf(' ');
        if (space < 0)
            return null;
        var first = label[..space];
        return OfflineTemplates.ColorWords.Contains(first, StringComparer.Ordinal) ? first : null;
    }

    /// <summary>"red circle" -> "red circles", "cross" -> "crosses", "puppy" -> "puppies".</summary>
    public static string Plural(string label)
    {
        var noun = Noun(label);
        return label[..^noun.Length] + PluralNoun(noun);
    }

    private static string PluralNoun(string noun)
    {
        if (noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith('z') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal))
            return noun + "es";
        if (noun.Length > 1 && noun[^1] == 'y' && !"aeiou".Contains(noun[^2]))
            return noun[..^1] + "ies";
        return noun + "s";
    }
}
