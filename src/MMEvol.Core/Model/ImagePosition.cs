namespace MMEvol.Core.Model;

/// <summary>Where in the image an item looks: the whole image, or one quarter of a 2x2 mosaic.</summary>
public static class ImagePosition
{
    public const string Single = "single";

    public static readonly IReadOnlyList<string> All = [Single, "top left", "top right", "lower left", "lower right"];
}
