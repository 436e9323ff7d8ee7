using System.Text.Json;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Export;

/// <summary>
/// LLaVA records as training code reads them: the source id, the image (absent for text-only
/// records), and alternating human/gpt turns with one <c>&lt;image&gt;</c> token in the first.
/// </summary>
internal static class LlavaRecordWriter
{
    public static void Write(Utf8JsonWriter writer, ImageRecord record, IReadOnlyList<Instruction> items)
    {
        writer.WriteStartObject();
        writer.WriteString("id", RecordIds.Of(record));
        if (record.ImagePath is not null)
            writer.WriteString("image", record.ImagePath);
        writer.WriteStartArray("conversations");
        for (var i = 0; i < items.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("from", "human");
            writer.WriteString("value", i == 0 && record.ImagePath is not null ? Conversation.WithToken(items[i].Question) : items[i].Question);
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("from", "gpt");
            writer.WriteString("value", AnswerRenderer.Render(items[i]));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
