using MMEvol.Core.Model;

namespace MMEvol.Core.Formats;

/// <summary>
/// Turns a conversation into question/answer items, enforcing what training code assumes:
/// turns alternate starting with the human, every question is answered, and the image token
/// appears once per image, in the first human turn (METHOD.md, "Data formats").
/// </summary>
internal static class Conversation
{
    public const string ImageToken = "<image>";

    public static IReadOnlyList<SourceItem> ToItems(IReadOnlyList<Turn> turns, int images, string field)
    {
        if (turns.Count == 0)
            throw new InvalidRecordException(field, "the conversation is empty");

        var tokens = 0;
        for (var i = 0; i < turns.Count; i++)
        {
            var expectHuman = i % 2 == 0;
            if (turns[i].FromHuman != expectHuman)
                throw new InvalidRecordException(turns[i].Path, expectHuman
                    ? "turns must alternate starting with the human turn, found a model turn here"
                    : "turns must alternate, found two human turns in a row");
            var count = CountTokens(turns[i].Text);
            if (count > 0 && i != 0)
                throw new InvalidRecordException(turns[i].Path, "the <image> token belongs in the first human turn");
            tokens += count;
        }
        if (turns.Count % 2 == 1)
            throw new InvalidRecordException(turns[^1].Path, "the conversation ends with a question that has no answer");
        if (tokens != images)
            throw new InvalidRecordException(field, $"{tokens} <image> token(s) for {images} image(s)");

        var items = new List<SourceItem>(turns.Count / 2);
        for (var i = 0; i < turns.Count; i += 2)
        {
            var question = i == 0 ? StripToken(turns[i].Text) : turns[i].Text;
            if (string.IsNullOrWhiteSpace(question))
                throw new InvalidRecordException(turns[i].Path, "the question is empty");
            if (string.IsNullOrWhiteSpace(turns[i + 1].Text))
                throw new InvalidRecordException(turns[i + 1].Path, "the answer is empty");
            items.Add(SourceItem.Plain(question, turns[i + 1].Text));
        }
        return items;
    }

    public static int CountTokens(string text)
    {
        var count = 0;
        for (var at = text.IndexOf(ImageToken, StringComparison.Ordinal); at >= 0; at = text.IndexOf(ImageToken, at + ImageToken.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    /// <summary>Removes the token with the line break that joins it to the question, and nothing else.</summary>
    public static string StripToken(string text)
    {
        var at = text.IndexOf(ImageToken, StringComparison.Ordinal);
        if (at < 0)
            return text;
        var end = at + ImageToken.Length;
        if (end < text.Length && text[end] == '\n')
            end++;
        else if (at > 0 && text[at - 1] == '\n')
            at--;
        return string.Concat(text.AsSpan(0, at), text.AsSpan(end));
    }

    /// <summary>The first question as training code expects it: the token on its own line first.</summary>
    public static string WithToken(string question) => ImageToken + "\n" + question;
}
