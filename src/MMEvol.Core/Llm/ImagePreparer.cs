using MMEvol.Core.Formats;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MMEvol.Core.Llm;

/// <summary>
/// Makes the JPEG a model is shown: the longest side at most 512 px (what the method's prompts were
/// written for, and what keeps a low-detail image cheap), aspect kept, never upscaled, quality 85.
/// Decoding goes through the hardened configuration with the header checked first.
/// </summary>
public static class ImagePreparer
{
    private static readonly JpegEncoder Encoder = new() { Quality = 85 };

    public static byte[] Jpeg(string path, ImageLimits limits, int longestSide = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(longestSide, 1);
        byte[] data;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                throw Unreadable(path, "the file does not exist");
            if (info.Length == 0 || info.Length > limits.MaxFileBytes)
                throw Unreadable(path, $"it has {info.Length} bytes (allowed: 1 to {limits.MaxFileBytes})");
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e.Message, e);
        }
        return Jpeg(data, path, limits, longestSide);
    }

    private static byte[] Jpeg(byte[] data, string path, ImageLimits limits, int longestSide)
    {
        var configuration = HardenedImaging.For(limits);
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            var header = Image.Identify(configuration, stream, out var format)
                ?? throw Unreadable(path, "it is not a PNG, JPEG, GIF, BMP or WebP image");
            if ((long)header.Width * header.Height > limits.MaxPixels)
                throw Unreadable(path, $"its header claims {header.Width}x{header.Height} pixels, over the limit of {limits.MaxPixels}");
            stream.Position = 0;
            // Sources known to be opaque decode straight to RGB; the others are laid on white only if a pixel is see-through.
            if (format is JpegFormat || header.PixelType?.AlphaRepresentation == PixelAlphaRepresentation.None)
                return Encode(Image.Load<Rgb24>(configuration, stream), longestSide, opaque: true);
            var image = Image.Load<Rgba32>(configuration, stream);
            return Encode(image, longestSide, opaque: IsOpaque(image));
        }
        catch (Exception e) when (e is not WorkbenchException)
        {
            // ImageSharp may wrap an allocation refusal; the user needs to know it was the size, not corruption.
            var memory = e is InvalidMemoryOperationException || e.InnerException is InvalidMemoryOperationException;
            throw Unreadable(path, memory
                ? $"decoding it needs more than the allowed {limits.AllocationLimitMegabytes} MB"
                : $"its data is corrupt ({e.Message})", e);
        }
    }

    private static byte[] Encode<TPixel>(Image<TPixel> image, int longestSide, bool opaque) where TPixel : unmanaged, IPixel<TPixel>
    {
        using (image)
        {
            var scale = Math.Min(1.0, (double)longestSide / Math.Max(image.Width, image.Height));
            var width = Math.Max(1, (int)Math.Round(image.Width * scale));
            var height = Math.Max(1, (int)Math.Round(image.Height * scale));
            if (scale < 1 || !opaque)
            {
                // JPEG has no alpha: transparent pixels are laid on white rather than on whatever colour they hide.
                image.Mutate(x =>
                {
                    if (scale < 1)
                        x.Resize(width, height);
                    if (!opaque)
                        x.BackgroundColor(Color.White);
                });
            }
            using var output = new MemoryStream();
            image.SaveAsJpeg(output, Encoder);
            return output.ToArray();
        }
    }

    private static bool IsOpaque(Image<Rgba32> image)
    {
        var opaque = true;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && opaque; y++)
                foreach (var pixel in rows.GetRowSpan(y))
                    if (pixel.A != byte.MaxValue)
                    {
                        opaque = false;
                        break;
                    }
        });
        return opaque;
    }

    private static WorkbenchException Unreadable(string path, string reason, Exception? inner = null) =>
        new($"cannot prepare the image '{path}' for the model: {reason}", inner);
}
