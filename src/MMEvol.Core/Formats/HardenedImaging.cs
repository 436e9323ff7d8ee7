using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;

namespace MMEvol.Core.Formats;

/// <summary>
/// ImageSharp 2.1.13 is the last free version and has open advisories, so it only ever sees a
/// configuration that knows PNG, JPEG, GIF, BMP and WebP (no TIFF), ignores metadata such as ICC
/// profiles, decodes one GIF frame and caps what a decode may allocate.
/// </summary>
public static class HardenedImaging
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ImageLimits, Configuration> Shared = new();

    /// <summary>
    /// One configuration per set of limits for the whole process: building one creates a memory
    /// pool, which costs more than decoding a small image.
    /// </summary>
    public static Configuration For(ImageLimits limits) => Shared.GetOrAdd(limits, Create);

    public static Configuration Create(ImageLimits limits)
    {
        var configuration = new Configuration(
            new PngConfigurationModule(),
            new JpegConfigurationModule(),
            new GifConfigurationModule(),
            new BmpConfigurationModule(),
            new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = limits.AllocationLimitMegabytes }),
        };
        var formats = configuration.ImageFormatsManager;
        formats.SetDecoder(PngFormat.Instance, new PngDecoder { IgnoreMetadata = true });
        formats.SetDecoder(JpegFormat.Instance, new JpegDecoder { IgnoreMetadata = true });
        formats.SetDecoder(GifFormat.Instance, new GifDecoder { IgnoreMetadata = true, DecodingMode = FrameDecodingMode.First });
        formats.SetDecoder(WebpFormat.Instance, new WebpDecoder { IgnoreMetadata = true });
        return configuration;
    }
}
