namespace MMEvol.Core.Demo;

/// <summary>Small English helpers for generated captions and questions.</summary>
internal static class EnglishText
{
    private static readonly string[] Numbers =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    public static string Number(int n) =>
        n >= 0 && n < Numbers.Length ? Numbers[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"a"/"an" for a word that follows.</summary>
    public static string Article(string next) => "aeiou".Contains(next[0]) ? "an" : "a";

    public static string WithArticle(string phrase) => $"{Article(phrase)} {phrase}";

    /// <summary>"x", "x and y", "x, y and z".</summary>
    public static string List(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}",
    };

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"a circle", "two circles".</summary>
    public static string Count(int n, ShapeKind shape) =>
        n == 1 ? WithArticle(ShapeVocabulary.Word(shape)) : $"{Number(n)} {ShapeVocabulary.Plural(shape)}";
}
