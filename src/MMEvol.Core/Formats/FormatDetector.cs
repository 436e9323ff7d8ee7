using System.Text.Json;

namespace MMEvol.Core.Formats;

/// <summary>Names a file's format from the keys of its first recognizable record.</summary>
public static class FormatDetector
{
    public const string Unrecognized = "has none of conversations (LLaVA), conversations_v0 (MMEvol) or messages (ShareGPT), so the file's format cannot be told from it";

    public static SourceFormat? TryDetect(JsonElement record) =>
        record.ValueKind != JsonValueKind.Object ? null
        : record.TryGetProperty(MMEvolReader.RoundPrefix + "0", out _) ? SourceFormat.MMEvol
        : record.TryGetProperty("messages", out _) ? SourceFormat.ShareGpt
        : record.TryGetProperty("conversations", out _) ? SourceFormat.Llava
        : null;

    public static SourceRecord Read(SourceFormat format, int index, JsonElement record) => format switch
    {
        SourceFormat.Llava => LlavaReader.Read(index, record),
        SourceFormat.MMEvol => MMEvolReader.Read(index, record),
        SourceFormat.ShareGpt => ShareGptReader.Read(index, record),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Detect the format first."),
    };
}
