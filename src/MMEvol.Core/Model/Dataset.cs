namespace MMEvol.Core.Model;

/// <summary>A named collection of image records with the folder its relative image paths resolve against.</summary>
public sealed class Dataset
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Absolute path; records keep paths relative to it (DESIGN.md, "One data directory").</summary>
    public string? ImageRoot { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Version of the policy whose decisions the items currently carry.</summary>
    public int PolicyVersion { get; set; } = 1;

    public List<ImageRecord> Records { get; set; } = [];
    public List<EliminationPolicy> Policies { get; set; } = [];
}
