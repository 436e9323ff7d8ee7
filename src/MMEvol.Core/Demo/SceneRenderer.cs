using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace MMEvol.Core.Demo;

/// <summary>
/// Paints a scene with pixel access (no drawing library: STACK.md trap 6), in painter's order,
/// testing each shape only inside its own box. Same scene, same PNG bytes.
/// </summary>
internal static class SceneRenderer
{
    // Every setting pinned so the bytes never depend on a default that could change.
    private static readonly PngEncoder Encoder = new()
    {
        ColorType = PngColorType.Rgb,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.DefaultCompression,
        FilterMethod = PngFilterMethod.Adaptive,
        InterlaceMethod = PngInterlaceMode.None,
        ChunkFilter = PngChunkFilter.ExcludeAll,
    };

    public static Image<Rgb24> Render(Scene scene)
    {
        var image = new Image<Rgb24>(scene.Width, scene.Height, ShapeVocabulary.Rgb(scene.Background));
        image.ProcessPixelRows(rows =>
        {
            foreach (var item in scene.Objects)
            {
                var color = ShapeVocabulary.Rgb(item.Color);
                var box = item.Bounds;
                for (var y = box.Y; y < box.Bottom; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (var x = box.X; x < box.Right; x++)
                    {
                        if (ShapeMask.Covers(item.Shape, box, x, y))
                        {
                            row[x] = color;
                        }
                    }
                }
            }
        });
        return image;
    }

    public static byte[] RenderPng(Scene scene)
    {
        using var image = Render(scene);
        using var stream = new MemoryStream();
        image.Save(stream, Encoder);
        return stream.ToArray();
    }
}
