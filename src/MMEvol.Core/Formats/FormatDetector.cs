using System.Text.Json;

namespace MMEvol.Core.Formats;

/// <summary>Names a file's format from its first record's keys.</summary>
public static class FormatDetector
{
    public static SourceFormat Detect(JsonElement first)
    {
        if (first.ValueKind != JsonValueKind.Object)
            throw new FormatException("The first record is not a JSON object, so the format cannot be detected; name it with --format.");
        if (first.TryGetProperty(MMEvolReader.RoundPrefix + "0", out _))
            return SourceFormat.MMEvol;
        if (first.TryGetProperty("messages", out _))
            return SourceFormat.ShareGpt;
        if (first.TryGetProperty("conversations", out _))
            return SourceFormat.Llava;
        throw new FormatException("The first record has none of conversations (LLaVA), conversations_v0 (MMEvol) or messages (ShareGPT); name the format with --format.");
    }

    public static SourceRecord Read(SourceFormat format, int index, JsonElement record) => format switch
    {
        SourceFormat.Llava => LlavaReader.Read(index, record),
        SourceFormat.MMEvol => MMEvolReader.Read(index, record),
        SourceFormat.ShareGpt => ShareGptReader.Read(index, record),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Detect the format first."),
    };
}
