using System.Text.Json;
using MMEvol.Core.Formats;

namespace MMEvol.Core.Import;

public sealed record ImportOptions(string File, string Dataset)
{
    /// <summary>The folder image paths are relative to; the file's own folder when not given.</summary>
    public string? ImageRoot { get; init; }
    public SourceFormat Format { get; init; } = SourceFormat.Auto;

    /// <summary>Copy images into the data directory, content-addressed, so the dataset outlives its source folder.</summary>
    public bool Copy { get; init; }

    /// <summary>Decode every image's pixels, not only its header and structure (much slower).</summary>
    public bool DecodePixels { get; init; }

    /// <summary>Refuse the whole file when any record is refused.</summary>
    public bool Strict { get; init; }

    public ImageLimits Limits { get; init; } = ImageLimits.Default;
    public string User { get; init; } = Environment.UserName;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>As an import job's config: an upload is saved under the data directory first, so File is always a server path.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportOptions FromJson(string json) =>
        JsonSerializer.Deserialize<ImportOptions>(json, Json) ?? throw new WorkbenchException("The import job's settings are empty.");
}
