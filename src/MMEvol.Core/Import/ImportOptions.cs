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
}
