using System.Text.Json;
using MMEvol.Core.Model;

namespace MMEvol.Core.Formats;

/// <summary>Detections: <c>[{"label", "bbox": [x1, y1, x2, y2]}]</c>, boxes normalized to 0..1.</summary>
internal static class DetectionReader
{
    public static IReadOnlyList<Detection> Read(JsonElement record, string field)
    {
        if (Json.Property(record, field) is not { } list)
            return [];
        if (list.ValueKind != JsonValueKind.Array)
            throw new InvalidRecordException(field, $"expected a list, found {Json.Describe(list)}");
        var result = new List<Detection>(list.GetArrayLength());
        var i = 0;
        foreach (var element in list.EnumerateArray())
        {
            var path = $"{field}[{i++}]";
            Json.RequiredObject(element, path);
            var label = Json.RequiredString(element, "label", path + ".label");
            var box = Json.RequiredArray(element, "bbox", path + ".bbox");
            if (box.GetArrayLength() != 4)
                throw new InvalidRecordException(path + ".bbox", $"expected 4 numbers [x1, y1, x2, y2], found {box.GetArrayLength()}");
            var v = new double[4];
            for (var k = 0; k < 4; k++)
                v[k] = Json.Number(box[k], $"{path}.bbox[{k}]");
            if (v.Any(x => x is < 0 or > 1 || double.IsNaN(x)))
                throw new InvalidRecordException(path + ".bbox", "coordinates must be normalized to 0..1");
            if (v[0] > v[2] || v[1] > v[3])
                throw new InvalidRecordException(path + ".bbox", "expected x1 <= x2 and y1 <= y2");
            result.Add(new Detection(label, v[0], v[1], v[2], v[3]));
        }
        return result;
    }
}
