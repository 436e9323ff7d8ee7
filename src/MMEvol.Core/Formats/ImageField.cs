using System.Text.Json;

namespace MMEvol.Core.Formats;

/// <summary>
/// The image a record names: a string, or a list holding one. Several images per record are
/// refused in this version (DESIGN.md, "Data model").
/// </summary>
internal static class ImageField
{
    public static string? Single(JsonElement record, string name)
    {
        switch (Json.Property(record, name))
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.String } value:
                return NonEmpty(value.GetString()!, name);
            case { ValueKind: JsonValueKind.Array } list:
                var count = list.GetArrayLength();
                if (count > 1)
                    throw new InvalidRecordException(name, $"{count} images in one record; records with several images are not supported");
                return count == 0 ? null : NonEmpty(Json.AsString(list[0], name + "[0]"), name + "[0]");
            case { } other:
                throw new InvalidRecordException(name, $"expected an image path, found {Json.Describe(other)}");
        }
    }

    private static string NonEmpty(string path, string field) =>
        string.IsNullOrWhiteSpace(path) ? throw new InvalidRecordException(field, "the image path is empty") : path;
}
