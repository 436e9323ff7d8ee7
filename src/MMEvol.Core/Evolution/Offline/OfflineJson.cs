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
            {
                writer.WriteStartObject();
                ItemFieldsJson.Write(writer, item);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
