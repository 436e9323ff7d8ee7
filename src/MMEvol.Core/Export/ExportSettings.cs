using System.Text.Json;

namespace MMEvol.Core.Export;

/// <summary>An export job's configuration; the file goes under the data directory's exports folder, one folder per job.</summary>
public sealed record ExportSettings(string Dataset, ExportFormat Format)
{
    public ItemSelection Selection { get; init; } = ItemSelection.Kept;
    public bool Latest { get; init; }
    public bool AbsoluteImagePaths { get; init; }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ExportSettings FromJson(string json) =>
        JsonSerializer.Deserialize<ExportSettings>(json, Json) ?? throw new WorkbenchException("The export job's settings are empty.");

    /// <summary>
    /// A name made of the dataset's letters and digits only: the dataset name is user text and
    /// must neither leave the folder nor break the download's Content-Disposition.
    /// </summary>
    public string FileName()
    {
        var stem = new string(Dataset.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()).Trim('_');
        var extension = Format == ExportFormat.Jsonl ? "jsonl" : "json";
        return $"{(stem.Length == 0 ? "dataset" : stem)}-{Format.ToString().ToLowerInvariant()}-{Selection.ToString().ToLowerInvariant()}{(Latest ? "-latest" : "")}.{extension}";
    }

    public ExportOptions Options(string folder) =>
        new(Dataset, Format, Path.Combine(folder, FileName())) { Selection = Selection, Latest = Latest, AbsoluteImagePaths = AbsoluteImagePaths };
}
