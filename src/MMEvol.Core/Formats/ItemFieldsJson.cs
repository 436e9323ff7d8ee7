using System.Text.Json;
using MMEvol.Core.Model;

namespace MMEvol.Core.Formats;

/// <summary>
/// An instruction item's fields (METHOD.md's item schema) in the one order every prompt, model
/// reply and export file writes them; the caller opens and closes the object and adds its extras.
/// </summary>
internal static class ItemFieldsJson
{
    public static void Write(Utf8JsonWriter writer, SourceItem item) =>
        Write(writer, item.ImagePosition, item.Objects, item.Skills, item.Format, item.Question, item.Steps, item.Answer);

    public static void Write(Utf8JsonWriter writer, Instruction item) =>
        Write(writer, item.ImagePosition, item.Objects, item.Skills, item.Format, item.Question, item.Steps, item.Answer);

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter writer, string imagePosition, IEnumerable<string> objects, IEnumerable<string> skills, string format,
        string question, IEnumerable<Step> steps, string answer)
    {
        writer.WriteString("image_position", imagePosition);
        WriteStrings(writer, "objects", objects);
        WriteStrings(writer, "skills", skills);
        writer.WriteString("format", format);
        writer.WriteString("question", question);
        writer.WriteStartArray("steps");
        foreach (var step in steps)
        {
            writer.WriteStartObject();
            writer.WriteString("manipulation", step.Manipulation);
            writer.WriteString("description", step.Description);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("answer", answer);
    }
}
