namespace MMEvol.Core.Export;

public sealed record ExportOptions(string Dataset, ExportFormat Format, string Out)
{
    public ItemSelection Selection { get; init; } = ItemSelection.Kept;

    /// <summary>Only the newest non-empty kept list of each record instead of the union over rounds.</summary>
    public bool Latest { get; init; }
}
