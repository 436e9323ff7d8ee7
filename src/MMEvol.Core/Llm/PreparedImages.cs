using MMEvol.Core.Formats;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Llm;

/// <summary>
/// The JPEGs models are shown, kept under the data directory's thumbs/ folder by content hash:
/// every round sends the same record's image again, and decoding and re-encoding it costs more
/// than the rest of a call. A lost or partial file is simply made again.
/// </summary>
public sealed class PreparedImages(string folder, ImageLimits limits, int longestSide = 512)
{
    public static PreparedImages In(DataDirectory data, ImageLimits limits) => new(Path.Combine(data.Thumbnails, "model-512"), limits);

    public byte[] Jpeg(string path, string? sha256)
    {
        if (sha256 is null || sha256.Length < 8 || !sha256.All(char.IsAsciiHexDigitLower))
            return ImagePreparer.Jpeg(path, limits, longestSide);
        var cached = Path.Combine(folder, sha256[..2], $"{sha256}.jpg");
        if (File.Exists(cached))
        {
            try
            {
                return File.ReadAllBytes(cached);
            }
            catch (IOException)
            {
                // Being replaced by another writer: make it again below.
            }
        }
        var jpeg = ImagePreparer.Jpeg(path, limits, longestSide);
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        AtomicFile.WriteAllBytes(cached, jpeg);
        return jpeg;
    }
}
