namespace MMEvol.Core.Model;

/// <summary>
/// One source record: at most one image (none for text-only data) with its caption, detections
/// and its instruction lists per round. Source ids may repeat, so the index in the source file
/// tells records apart.
/// </summary>
public sealed class ImageRecord
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }

    public string? SourceId { get; set; }
    public int SourceIndex { get; set; }

    /// <summary>Path as the source file wrote it, relative to the dataset's image root.</summary>
    public string? ImagePath { get; set; }

    /// <summary>Content-addressed copy under the data directory's images/ folder, when imported with --copy.</summary>
    public string? StoredPath { get; set; }

    public string? Sha256 { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }

    public string? Caption { get; set; }

    /// <summary>The human turn that asked for the caption, kept so that an export gives it back.</summary>
    public string? CaptionPrompt { get; set; }

    public List<Detection> Detections { get; set; } = [];

    /// <summary>MMEvol's own record key ("{index}_{image path with / replaced by _}"), when the source had one.</summary>
    public string? HashId { get; set; }

    /// <summary>Hash of the record's id, image and conversations: an exact duplicate lands once.</summary>
    public required string Fingerprint { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public List<EvolutionRound> Rounds { get; set; } = [];

    public bool HasImage => ImagePath is not null;
}
