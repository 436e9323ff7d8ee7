using MMEvol.Core.Formats;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MMEvol.Training.Probe;

/// <summary>
/// An image as the probe sees it: downscaled to a square of <c>size</c> pixels and laid out as
/// channel-first floats in [-1, 1]. Decoded with the workbench's hardened ImageSharp configuration.
/// </summary>
public static class ImagePixels
{
    public static float[] Load(string path, int size)
    {
        var configuration = HardenedImaging.For(ImageLimits.Default);
        using var file = File.OpenRead(path);
        var info = Image.Identify(configuration, file) ?? throw new InvalidDataException($"{path}: not an image format the workbench reads");
        if ((long)info.Width * info.Height > ImageLimits.Default.MaxPixels)
            throw new InvalidDataException($"{path}: {info.Width}x{info.Height} pixels is more than the workbench decodes");
        file.Position = 0;
        using var image = Image.Load<Rgb24>(configuration, file);
        // A box filter averages every source pixel: small shapes fade instead of vanishing between samples.
        image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(size, size), Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Box }));
        var pixels = new float[3 * size * size];
        var plane = size * size;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < size; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < size; x++)
                {
                    var at = y * size + x;
                    pixels[at] = row[x].R / 127.5f - 1f;
                    pixels[plane + at] = row[x].G / 127.5f - 1f;
                    pixels[2 * plane + at] = row[x].B / 127.5f - 1f;
                }
            }
        });
        return pixels;
    }
}
