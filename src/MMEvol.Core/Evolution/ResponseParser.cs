using System.Text.Json;
using MMEvol.Core.Formats;

namespace MMEvol.Core.Evolution;

/// <summary>
/// Reads an evolver's answer, which is often not clean JSON (METHOD.md, "Parsing model output"):
/// code fences and prose around the JSON are stripped, comments and trailing commas tolerated, a
/// single object (or an object wrapping the list) becomes a list, and every item is validated by
/// the same reader as imports. A bad item is dropped with its reason; the rest stand.
/// </summary>
internal static class ResponseParser
{
    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    /// <summary>How many '[' or '{' a reply may open before the JSON does ("Note [1]: ..." prose).</summary>
    private const int Candidates = 16;

    public static ParsedResponse Parse(string raw)
    {
        var (document, error) = Document(raw);
        if (document is null)
            return ParsedResponse.Failure(error!);
        using (document)
        {
            if (ItemList(document.RootElement) is not { } list)
                return ParsedResponse.Failure("the answer is neither a list of items nor an item");
            var items = new List<SourceItem>();
            var positions = new List<int>();
            var dropped = new List<string>();
            var i = 0;
            foreach (var element in list)
            {
                try
                {
                    items.Add(ItemReader.Read(element, $"item {i}", withVerdict: false));
                    positions.Add(i);
                }
                catch (InvalidRecordException e)
                {
                    dropped.Add($"{e.Field}: {e.Reason}");
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
                {
                    // Text JSON can carry but .NET strings cannot (a lone surrogate): one bad item, not a failed job.
                    dropped.Add($"item {i}: unreadable text ({e.Message})");
                }
                i++;
            }
            return items.Count == 0
                ? new ParsedResponse([], [], dropped, dropped.Count == 0 ? "the answer is an empty list" : "no item of the answer is valid")
                : new ParsedResponse(items, positions, dropped, null);
        }
    }

    /// <summary>
    /// The first JSON list or object of the reply that parses, trying each opening bracket in turn,
    /// so that prose holding brackets of its own ("see [1]") before the JSON does not hide it.
    /// </summary>
    internal static (JsonDocument? Document, string? Error) Document(string raw)
    {
        var text = WithoutFence(raw);
        string? error = null;
        var start = 0;
        for (var tried = 0; tried < Candidates; tried++)
        {
            var open = text.IndexOfAny(['[', '{'], start);
            if (open < 0)
                break;
            var close = text.LastIndexOf(text[open] == '[' ? ']' : '}');
            var candidate = close > open ? text[open..(close + 1)] : text[open..];
            try
            {
                return (JsonDocument.Parse(candidate, Lenient), null);
            }
            catch (JsonException e)
            {
                error ??= $"the answer is not valid JSON ({e.Message})";
            }
            start = open + 1;
        }
        return (null, error ?? "the answer holds no JSON list or object");
    }

    private static string WithoutFence(string raw)
    {
        var text = raw;
        var fence = text.IndexOf("```", StringComparison.Ordinal);
        if (fence >= 0)
        {
            var start = text.IndexOf('\n', fence);
            var end = start < 0 ? -1 : text.IndexOf("```", start, StringComparison.Ordinal);
            if (start >= 0)
                text = end < 0 ? text[(start + 1)..] : text[(start + 1)..end];
        }
        return text;
    }

    private static IEnumerable<JsonElement>? ItemList(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
            return root.EnumerateArray().ToList();
        if (root.ValueKind != JsonValueKind.Object)
            return null;
        if (root.TryGetProperty("question", out _))
            return [root];
        // {"items": [...]}, {"conversations": [...]}: one property holding the list.
        var lists = root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).ToList();
        return lists.Count == 1 ? lists[0].Value.EnumerateArray().ToList() : null;
    }
}
