namespace MMEvol.Core.Review;

/// <summary>A LIKE pattern matching a literal substring: the wildcards and the escape character itself are escaped.</summary>
internal static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string text) =>
        "%" + text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
