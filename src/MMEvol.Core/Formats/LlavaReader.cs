using System.Text.Json;
using MMEvol.Core.Model;

namespace MMEvol.Core.Formats;

/// <summary>LLaVA records: <c>{"id", "image"?, "conversations": [{"from", "value"}]}</c>.</summary>
internal static class LlavaReader
{
    public static SourceRecord Read(int index, JsonElement record)
    {
        Json.RequiredObject(record, "(record)");
        var id = Json.OptionalId(record) ?? throw new InvalidRecordException("id", "missing");
        var image = ImageField.Single(record, "image");
        var turns = ReadTurns(Json.RequiredArray(record, "conversations", "conversations"), "conversations");
        var items = Conversation.ToItems(turns, image is null ? 0 : 1, "conversations");
        return new SourceRecord(index, id, image, null, null, null, [], [new SourceRound(0, Direction.Seed, items)]);
    }

    /// <summary>Reads "from"/"value" turns; also used for an MMEvol record's caption and a turn-shaped seed list.</summary>
    public static IReadOnlyList<Turn> ReadTurns(JsonElement list, string field)
    {
        var turns = new List<Turn>(list.GetArrayLength());
        var i = 0;
        foreach (var element in list.EnumerateArray())
        {
            var path = $"{field}[{i++}]";
            Json.RequiredObject(element, path);
            var from = Json.RequiredString(element, "from", path + ".from");
            var fromHuman = from switch
            {
                "human" or "user" => true,
                "gpt" or "assistant" => false,
                _ => throw new InvalidRecordException(path + ".from", $"unknown speaker '{from}' (expected human or gpt)"),
            };
            turns.Add(new Turn(fromHuman, Json.RequiredString(element, "value", path + ".value"), path));
        }
        return turns;
    }
}
