using System.Text.Encodings.Web;
using System.Text.Json;
using MMEvol.Core.Formats;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Writes items as a model answers: an indented JSON list in MMEvol's item schema, keys in the
/// order the export writes them, no verdict fields.
/// </summary>
internal static class OfflineJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // A model writes quotes and apostrophes as they are, not as \u0022 escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<SourceItem> items)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartArray();
            foreach (var item in items)
                WriteItem(writer, item);
            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WriteItem(Utf8JsonWriter writer, SourceItem item)
    {
        writer.WriteStartObject();
        writer.WriteString("image_position", item.ImagePosition);
        WriteStrings(writer, "objects", item.Objects);
        WriteStrings(writer, "skills", item.Skills);
        writer.WriteString("format", item.Format);
        writer.WriteString("question", item.Question);
        writer.WriteStartArray("steps");
        foreach (var step in item.Steps)
        {
            writer.WriteStartObject();
            writer.WriteString("manipulation", step.Manipulation);
            writer.WriteString("description", step.Description);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("answer", item.Answer);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
