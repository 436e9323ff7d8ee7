using System.Globalization;
using System.Text.Json;
using MMEvol.Core.Model;

namespace MMEvol.Core.Formats;

/// <summary>
/// MMEvol records: <c>{"id", "image", "hash_id", "caption", "det", "conversations_v0".."vN"}</c>
/// plus our own <c>direction_vN</c>. Rounds must be contiguous: a round that eliminated
/// everything is an empty list, never a gap.
/// </summary>
internal static class MMEvolReader
{
    public const string RoundPrefix = "conversations_v";
    public const string DirectionPrefix = "direction_v";

    public static SourceRecord Read(int index, JsonElement record)
    {
        Json.RequiredObject(record, "(record)");
        var id = Json.OptionalId(record) ?? throw new InvalidRecordException("id", "missing");
        var image = ImageField.Single(record, "image");
        var (captionPrompt, caption) = ReadCaption(record);
        var rounds = ReadRounds(record, image is not null);
        if (rounds.Count == 0)
            throw new InvalidRecordException(RoundPrefix + "0", "missing");
        // An empty seed list is legal when reviewers eliminated it and later rounds kept items.
        if (rounds.All(r => r.Items.Count == 0))
            throw new InvalidRecordException(RoundPrefix + "0", "the record has no item in any round");
        return new SourceRecord(index, id, image, Json.OptionalString(record, "hash_id", "hash_id"),
            caption, captionPrompt, DetectionReader.Read(record, "det"), rounds);
    }

    private static List<SourceRound> ReadRounds(JsonElement record, bool hasImage)
    {
        var lists = new SortedDictionary<int, JsonElement>();
        foreach (var property in record.EnumerateObject())
        {
            if (!property.Name.StartsWith(RoundPrefix, StringComparison.Ordinal))
                continue;
            if (!int.TryParse(property.Name.AsSpan(RoundPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw new InvalidRecordException(property.Name, "expected conversations_v followed by a round number");
            if (property.Value.ValueKind != JsonValueKind.Array)
                throw new InvalidRecordException(property.Name, $"expected a list, found {Json.Describe(property.Value)}");
            lists[number] = property.Value;
        }
        var rounds = new List<SourceRound>(lists.Count);
        foreach (var (number, list) in lists)
        {
            if (number != rounds.Count)
                throw new InvalidRecordException(RoundPrefix + number, $"round {number} without round {rounds.Count}");
            rounds.Add(new SourceRound(number, number == 0 ? Direction.Seed : ReadDirection(record, number), ReadItems(list, RoundPrefix + number, hasImage)));
        }
        return rounds;
    }

    private static IReadOnlyList<SourceItem> ReadItems(JsonElement list, string field, bool hasImage)
    {
        // Some seed lists are plain LLaVA turns rather than items; their image token is optional.
        if (list.GetArrayLength() > 0 && Json.Property(list[0], "from") is not null)
        {
            var turns = LlavaReader.ReadTurns(list, field);
            var tokens = Conversation.CountTokens(turns[0].Text);
            return Conversation.ToItems(turns, hasImage ? Math.Min(tokens, 1) : 0, field);
        }
        var items = new List<SourceItem>(list.GetArrayLength());
        var i = 0;
        foreach (var element in list.EnumerateArray())
            items.Add(ItemReader.Read(element, $"{field}[{i++}]"));
        return items;
    }

    private static Direction ReadDirection(JsonElement record, int number)
    {
        var name = DirectionPrefix + number;
        var value = Json.OptionalString(record, name, name);
        if (value is null)
            return Direction.Unknown;
        return Enum.TryParse<Direction>(value, ignoreCase: true, out var direction) && direction is not Direction.Seed
            ? direction
            : throw new InvalidRecordException(name, $"'{value}' is not perception, reasoning or interaction");
    }

    private static (string? Prompt, string? Caption) ReadCaption(JsonElement record)
    {
        switch (Json.Property(record, "caption"))
        {
            case null:
                return (null, null);
            case { ValueKind: JsonValueKind.String } text:
                return (null, text.GetString());
            case { ValueKind: JsonValueKind.Array } turns:
                var read = LlavaReader.ReadTurns(turns, "caption");
                var prompt = read.FirstOrDefault(t => t.FromHuman)?.Text;
                var caption = read.FirstOrDefault(t => !t.FromHuman)?.Text
                    ?? throw new InvalidRecordException("caption", "no gpt turn holds the caption");
                return (prompt, caption);
            case { } other:
                throw new InvalidRecordException("caption", $"expected a list of turns or a string, found {Json.Describe(other)}");
        }
    }
}
