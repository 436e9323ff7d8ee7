using System.Text.Json;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Export;

/// <summary>An instruction item in MMEvol's schema, optionally with its verdict and final decision.</summary>
internal static class ItemJson
{
    public static void Write(Utf8JsonWriter writer, Instruction item, bool withDecision)
    {
        writer.WriteStartObject();
        ItemFieldsJson.Write(writer, item);
        // Policies read the reviewer's corrected score where there is one; so does the export.
        if (item.EffectiveScore is { } score)
            writer.WriteNumber("score", score);
        if (withDecision)
        {
            if (item.Improved is { } improved)
                writer.WriteString("improved", improved ? "yes" : "no");
            if (item.JudgeReason is not null)
                writer.WriteString("reason", item.JudgeReason);
            if (item.Judge is not null)
                writer.WriteString("judge", item.Judge);
            writer.WriteString("decision", item.FinalDecision == Decision.Kept ? "kept" : "eliminated");
        }
        writer.WriteEndObject();
    }
}
