using System.Text.Json;
using MMEvol.Core.Model;

namespace MMEvol.Core.Formats;

/// <summary>ShareGPT as LLaMA-Factory reads it: <c>{"messages": [{"role", "content"}], "images": [path]}</c>.</summary>
internal static class ShareGptReader
{
    public static SourceRecord Read(int index, JsonElement record)
    {
        Json.RequiredObject(record, "(record)");
        var id = Json.OptionalId(record);
        var image = ImageField.Single(record, "images");
        var messages = Json.RequiredArray(record, "messages", "messages");
        var turns = new List<Turn>(messages.GetArrayLength());
        var i = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var path = $"messages[{i++}]";
            Json.RequiredObject(message, path);
            var role = Json.RequiredString(message, "role", path + ".role");
            var fromHuman = role switch
            {
                "user" => true,
                "assistant" => false,
                "system" => throw new InvalidRecordException(path + ".role", "system messages are not supported in this version"),
                _ => throw new InvalidRecordException(path + ".role", $"unknown role '{role}' (expected user or assistant)"),
            };
            turns.Add(new Turn(fromHuman, Json.RequiredString(message, "content", path + ".content"), path));
        }
        var items = Conversation.ToItems(turns, image is null ? 0 : 1, "messages");
        return new SourceRecord(index, id, image, null, null, null, [], [new SourceRound(0, Direction.Seed, items)]);
    }
}
