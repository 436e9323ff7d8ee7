using System.Globalization;
using System.Text.Json;

namespace MMEvol.Core.Formats;

/// <summary>Field access for the readers: every failure names the field, in the file's own words.</summary>
internal static class Json
{
    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement RequiredProperty(JsonElement obj, string name, string path) =>
        Property(obj, name) ?? throw new InvalidRecordException(path, "missing");

    public static string RequiredString(JsonElement obj, string name, string path) =>
        AsString(RequiredProperty(obj, name, path), path);

    public static string? OptionalString(JsonElement obj, string name, string path) =>
        Property(obj, name) is { } value ? AsString(value, path) : null;

    public static string AsString(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        _ => throw new InvalidRecordException(path, $"expected a string, found {Describe(value)}"),
    };

    /// <summary>Ids are strings in LLaVA data, but numbers are common enough to accept as written.</summary>
    public static string? OptionalId(JsonElement obj) => Property(obj, "id") switch
    {
        { ValueKind: JsonValueKind.String } id => id.GetString(),
        { ValueKind: JsonValueKind.Number } id => id.GetRawText(),
        null => null,
        { } other => throw new InvalidRecordException("id", $"expected a string or a number, found {Describe(other)}"),
    };

    public static JsonElement RequiredArray(JsonElement obj, string name, string path)
    {
        var value = RequiredProperty(obj, name, path);
        return value.ValueKind == JsonValueKind.Array
            ? value
            : throw new InvalidRecordException(path, $"expected a list, found {Describe(value)}");
    }

    public static JsonElement RequiredObject(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Object
            ? value
            : throw new InvalidRecordException(path, $"expected an object, found {Describe(value)}");

    /// <summary>A list of strings; a lone string counts as a list of one.</summary>
    public static IReadOnlyList<string> StringList(JsonElement obj, string name, string path)
    {
        switch (Property(obj, name))
        {
            case null:
                return [];
            case { ValueKind: JsonValueKind.String } single:
                return [single.GetString()!];
            case { ValueKind: JsonValueKind.Array } list:
                var result = new List<string>(list.GetArrayLength());
                var i = 0;
                foreach (var element in list.EnumerateArray())
                    result.Add(AsString(element, $"{path}[{i++}]"));
                return result;
            case { } other:
                throw new InvalidRecordException(path, $"expected a list of strings, found {Describe(other)}");
        }
    }

    public static double Number(JsonElement value, string path)
    {
        var number = value.ValueKind == JsonValueKind.Number ? value.GetDouble()
            : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : throw new InvalidRecordException(path, $"expected a number, found {Describe(value)}");
        return double.IsFinite(number) ? number : throw new InvalidRecordException(path, $"expected a finite number, found {value.GetRawText()}");
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
