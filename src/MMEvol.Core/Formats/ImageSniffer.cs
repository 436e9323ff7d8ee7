using System.Buffers.Binary;

namespace MMEvol.Core.Formats;

/// <summary>
/// Tells a file's format from its content, never its extension, and checks that it is complete:
/// a header can be intact while the rest was cut off, and headers are all that import decodes.
/// </summary>
internal static class ImageSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    // The IEND chunk: zero length, type, fixed CRC.
    private static ReadOnlySpan<byte> PngEnd => [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    public static string Format(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature))
            return "PNG";
        if (data.StartsWith(JpegSignature))
            return "JPEG";
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
            return "GIF";
        if (data.StartsWith("BM"u8) && data.Length >= 26)
            return "BMP";
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
            return "WEBP";
        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
            throw new InvalidRecordException("image", "TIFF images are not supported (accepted: PNG, JPEG, GIF, BMP, WebP)");
        throw new InvalidRecordException("image", "the file is not an image (its content is none of PNG, JPEG, GIF, BMP, WebP)");
    }

    public static void CheckComplete(string format, ReadOnlySpan<byte> data)
    {
        var complete = format switch
        {
            "PNG" => data.EndsWith(PngEnd),
            // Entropy-coded data stuffs every 0xFF, so an end-of-image marker near the end is real.
            "JPEG" => data[Math.Max(0, data.Length - 4096)..].LastIndexOf([(byte)0xFF, (byte)0xD9]) >= 0,
            "GIF" => GifReachesTrailer(data),
            "BMP" => data.Length >= BinaryPrimitives.ReadUInt32LittleEndian(data[2..6]),
            "WEBP" => data.Length >= 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..8]),
            _ => true,
        };
        if (!complete)
            throw new InvalidRecordException("image", $"the {format} file is truncated (its end is missing)");
    }

    /// <summary>Walks the GIF's blocks to its trailer: a 0x3B byte near the end proves nothing, it is common in pixel data.</summary>
    private static bool GifReachesTrailer(ReadOnlySpan<byte> data)
    {
        var at = 13;
        if (data.Length < at)
            return false;
        if ((data[10] & 0x80) != 0)
            at += 3 << ((data[10] & 0x07) + 1);
        while (at < data.Length)
        {
            switch (data[at])
            {
                case 0x3B:
                    return true;
                case 0x21: // extension: label, then data sub-blocks
                    at = SkipSubBlocks(data, at + 2);
                    break;
                case 0x2C: // image: descriptor, optional local color table, LZW code size, data sub-blocks
                    if (at + 10 > data.Length)
                        return false;
                    var packed = data[at + 9];
                    at += 10 + ((packed & 0x80) != 0 ? 3 << ((packed & 0x07) + 1) : 0) + 1;
                    at = SkipSubBlocks(data, at);
                    break;
                default:
                    return false;
            }
            if (at < 0)
                return false;
        }
        return false;
    }

    /// <returns>The position after the block terminator, or -1 when the data ends first.</returns>
    private static int SkipSubBlocks(ReadOnlySpan<byte> data, int at)
    {
        while (at < data.Length)
        {
            var size = data[at];
            at += size + 1;
            if (size == 0)
                return at;
        }
        return -1;
    }
}
