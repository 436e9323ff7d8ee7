namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// A detection label split the way text names it: an optional leading color word, the body
/// ("circle", "traffic light") and the body's last word, its head ("light").
/// </summary>
internal sealed record LabelParts(string Label, string? Color, string Body, string Head)
{
    public static LabelParts Of(string label)
    {
        var words = label.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new LabelParts("", null, "", "");
        }

        var colored = words.Length > 1 && Vocabulary.IsColor(words[0]);
        var body = string.Join(' ', colored ? words[1..] : words);
        return new LabelParts(string.Join(' ', words), colored ? words[0] : null, body, words[^1]);
    }
}
