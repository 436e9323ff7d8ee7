namespace MMEvol.Core.Formats;

/// <summary>What an image file may cost before it is refused.</summary>
public sealed record ImageLimits
{
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Checked from the header, before any pixel is decoded: a few bytes can claim gigapixels.</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    public int AllocationLimitMegabytes { get; init; } = 512;

    public static ImageLimits Default { get; } = new();
}
