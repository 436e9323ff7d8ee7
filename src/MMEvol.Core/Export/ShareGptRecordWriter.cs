using System.Text.Json;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Export;

/// <summary>LLaMA-Factory's multimodal ShareGPT layout: user/assistant messages and an images list.</summary>
internal static class ShareGptRecordWriter
{
    public static void Write(Utf8JsonWriter writer, ImageRecord record, IReadOnlyList<Instruction> items)
    {
        writer.WriteStartObject();
        writer.WriteString("id", RecordIds.Of(record));
        writer.WriteStartArray("messages");
        for (var i = 0; i < items.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteString("content", i == 0 && record.ImagePath is not null ? Conversation.ImageToken + items[i].Question : items[i].Question);
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("role", "assistant");
            writer.WriteString("content", AnswerRenderer.Render(items[i]));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        if (record.ImagePath is not null)
            ItemFieldsJson.WriteStrings(writer, "images", [record.ImagePath]);
        writer.WriteEndObject();
    }
}
