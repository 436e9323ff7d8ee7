namespace MMEvol.Core.Export;

public sealed record ExportOptions(string Dataset, ExportFormat Format, string Out)
{
    public ItemSelection Selection { get; init; } = ItemSelection.Kept;

    /// <summary>Only the newest non-empty kept list of each record instead of the union over rounds.</summary>
    public bool Latest { get; init; }

    /// <summary>
    /// Write each image as an absolute path (the content-addressed copy where there is one) rather
    /// than as the source file named it, so training code finds it from any working folder.
    /// </summary>
    public bool AbsoluteImagePaths { get; init; }
}
