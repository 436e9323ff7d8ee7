using System.Text.Json;
using System.Text.Json.Serialization;
using MMEvol.Core.Formats;

namespace MMEvol.Core.Import;

/// <summary>What an import did, record by record where something went wrong; written as the JSON report.</summary>
[JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
public sealed class ImportReport
{
    public required string File { get; init; }
    public required string Dataset { get; init; }
    public string Format { get; set; } = "";
    public int Records { get; set; }
    public int Imported { get; set; }
    public int Items { get; set; }
    public int Rounds { get; set; }
    public int Images { get; set; }
    public List<DuplicateRecord> Duplicates { get; } = [];
    public List<RecordError> Refused { get; } = [];
    public double ElapsedSeconds { get; set; }

    [JsonIgnore]
    public bool Clean => Refused.Count == 0;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportReport FromJson(string json) =>
        JsonSerializer.Deserialize<ImportReport>(json, Json) ?? throw new WorkbenchException("The import report is empty.");
}

/// <summary>A record identical to one already in the dataset (same id, image and conversations): it lands once.</summary>
public sealed record DuplicateRecord(int Index, string? Id, string DuplicateOf);
