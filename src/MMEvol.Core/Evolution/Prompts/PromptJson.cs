using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MMEvol.Core.Formats;

namespace MMEvol.Core.Evolution.Prompts;

/// <summary>Items as the prompts show them: compact JSON, one item per line, so a model can count them.</summary>
internal static class PromptJson
{
    // Quotes and accents written as they are: \u0022 escapes cost tokens and invite the model to copy them.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON list in the item schema (keys in the export's order, no verdicts), readable by ItemReader.</summary>
    public static string ItemList(IReadOnlyList<SourceItem> items) =>
        items.Count == 0 ? "[]" : "[\n" + string.Join(",\n", items.Select(item => Object(writer => ItemFieldsJson.Write(writer, item)))) + "\n]";

    /// <summary>"1. {"question": ..., "answer": ...}" per item: the judge reads question and answer only.</summary>
    public static string NumberedPairs(IReadOnlyList<SourceItem> items) =>
        string.Join("\n", items.Select((item, i) => (i + 1).ToString(CultureInfo.InvariantCulture) + ". " + Object(writer =>
        {
            writer.WriteString("question", item.Question);
            writer.WriteString("answer", item.Answer);
        })));

    private static string Object(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
