using System.Globalization;
using System.Text.Json;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Export;

/// <summary>
/// MMEvol records: caption, detections, <c>conversations_vN</c> per round that ran (an empty list
/// where a round kept nothing; absent where it never ran) and <c>direction_vN</c> beside each.
/// </summary>
internal static class MMEvolRecordWriter
{
    public const string DefaultCaptionPrompt = "<image>\nDescribe the image in detail.";

    /// <returns>The items written; a record with no selected item in any round is not written at all.</returns>
    public static int Write(Utf8JsonWriter writer, RecordLineage lineage, ItemSelection selection)
    {
        var rounds = lineage.Rounds.Where(r => selection != ItemSelection.Seed || r.Number == 0)
            .Select(r => (Round: r, Items: ExportSelector.RoundItems(r, selection)))
            .ToList();
        if (rounds.All(r => r.Items.Count == 0))
            return 0;
        var record = lineage.Record;
        writer.WriteStartObject();
        writer.WriteString("id", RecordIds.Of(record));
        if (record.ImagePath is not null)
            writer.WriteString("image", record.ImagePath);
        if (record.HashId is not null)
            writer.WriteString("hash_id", record.HashId);
        if (record.Caption is not null)
            WriteCaption(writer, record);
        writer.WriteStartArray("det");
        foreach (var d in record.Detections)
        {
            writer.WriteStartObject();
            writer.WriteString("label", d.Label);
            writer.WriteStartArray("bbox");
            foreach (var v in new[] { d.X1, d.Y1, d.X2, d.Y2 })
                writer.WriteNumberValue(v);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        foreach (var (round, items) in rounds)
        {
            var number = round.Number.ToString(CultureInfo.InvariantCulture);
            if (round.Number > 0)
                writer.WriteString(MMEvolReader.DirectionPrefix + number, round.Direction.ToString().ToLowerInvariant());
            writer.WriteStartArray(MMEvolReader.RoundPrefix + number);
            foreach (var item in items)
                ItemJson.Write(writer, item, withDecision: selection == ItemSelection.All);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        return rounds.Sum(r => r.Items.Count);
    }

    private static void WriteCaption(Utf8JsonWriter writer, ImageRecord record)
    {
        writer.WriteStartArray("caption");
        writer.WriteStartObject();
        writer.WriteString("from", "human");
        writer.WriteString("value", record.CaptionPrompt ?? DefaultCaptionPrompt);
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteString("from", "gpt");
        writer.WriteString("value", record.Caption);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
