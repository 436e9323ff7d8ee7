using System.Buffers.Binary;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MMEvol.Core.Tests;

/// <summary>Real image files, good and bad, made byte by byte.</summary>
public static class TestImages
{
    public static byte[] Png(int width = 8, int height = 6, byte shade = 40)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(shade, 120, 200));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    public static byte[] Jpeg(int width = 8, int height = 6)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 10, 10));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    public static byte[] Gif(int width = 40, int height = 30)
    {
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image[x, y] = new Rgb24((byte)(x * 6), (byte)(y * 8), (byte)((x ^ y) * 4));
        using var stream = new MemoryStream();
        image.SaveAsGif(stream);
        return stream.ToArray();
    }

    public static byte[] Truncated(byte[] data) => data[..(data.Length / 2)];

    public static byte[] NotAnImage() => Encoding.UTF8.GetBytes("<html><body>this is not a picture</body></html>");

    /// <summary>A little-endian TIFF header: enough to be recognized, never decoded.</summary>
    public static byte[] Tiff() => [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00];

    /// <summary>A complete, well-formed PNG whose header claims a size no decoder should try to allocate.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolor
        Chunk(stream, "IHDR", header);
        Chunk(stream, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>
    /// Scrambles the compressed pixels of a PNG and fixes the chunk checksum again: the header
    /// and the end are intact, so only a full decode can tell.
    /// </summary>
    public static byte[] PngWithCorruptPixels(int width, int height)
    {
        var png = Png(width, height, shade: 7);
        var type = png.AsSpan().IndexOf("IDAT"u8);
        var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(type - 4));
        for (var i = type + 6; i < type + 4 + length; i++)
            png[i] ^= 0x5A;
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(type + 4 + length), Crc32(png[type..(type + 4 + length)]));
        return png;
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
