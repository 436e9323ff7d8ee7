using System.Globalization;
using System.Text.Json;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Demo;

/// <summary>
/// Reads and writes benchmark.json: a JSON array of items with the properties id, image,
/// category, sampling, question, answer, choices in that order (sampling and choices may be
/// null). Indented with "\n" line ends, so the same items give the same bytes on every system.
/// </summary>
public static class BenchmarkJson
{
    public const string FileName = "benchmark.json";

    public static byte[] Serialize(IReadOnlyList<BenchmarkItem> items)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartArray();
            foreach (var item in items)
            {
                json.WriteStartObject();
                json.WriteString("id", item.Id);
                json.WriteString("image", item.Image);
                json.WriteString("category", item.Category);
                json.WriteString("sampling", item.Sampling);
                json.WriteString("question", item.Question);
                json.WriteString("answer", item.Answer);
                if (item.Choices is null)
                {
                    json.WriteNull("choices");
                }
                else
                {
                    json.WriteStartArray("choices");
                    foreach (var choice in item.Choices)
                    {
                        json.WriteStringValue(choice);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static void WriteFile(string path, IReadOnlyList<BenchmarkItem> items) =>
        AtomicFile.WriteAllBytes(path, Serialize(items), durable: true);

    public static IReadOnlyList<BenchmarkItem> ReadFile(string path) => Deserialize(File.ReadAllBytes(path));

    /// <exception cref="InvalidDataException">The JSON is not a list of well-formed items; the message names the item and field.</exception>
    public static IReadOnlyList<BenchmarkItem> Deserialize(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{FileName} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{FileName} must hold a JSON array of items.");
            }

            return document.RootElement.EnumerateArray().Select(ReadItem).ToList();
        }
    }

    private static BenchmarkItem ReadItem(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(index, "is not an object");
        }

        return new BenchmarkItem(
            Required(element, index, "id"),
            Required(element, index, "image"),
            Required(element, index, "category"),
            Optional(element, index, "sampling"),
            Required(element, index, "question"),
            Required(element, index, "answer"),
            Choices(element, index));
    }

    private static string Required(JsonElement element, int index, string name) =>
        Optional(element, index, name) ?? throw Invalid(index, $"'{name}' is missing");

    private static string? Optional(JsonElement element, int index, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Invalid(index, $"'{name}' must be a string");
    }

    private static List<string>? Choices(JsonElement element, int index)
    {
        if (!element.TryGetProperty("choices", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
        {
            throw Invalid(index, "'choices' must be a list of strings");
        }

        return value.EnumerateArray().Select(c => c.GetString()!).ToList();
    }

    private static InvalidDataException Invalid(int index, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{FileName} item {index}: {problem}."));
}
