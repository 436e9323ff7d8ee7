using MMEvol.Core.Formats;

namespace MMEvol.Core.Import;

/// <summary>
/// Content-addressed copies under the data directory's images/ folder: the same bytes are stored
/// once, under a name no source path can influence.
/// </summary>
internal static class ImageStore
{
    public static string RelativePath(ImageCheck image) =>
        $"{image.Sha256[..2]}/{image.Sha256}.{image.Format.ToLowerInvariant()}";

    public static string Copy(string imagesFolder, ImageCheck image)
    {
        var relative = RelativePath(image);
        var destination = Path.Combine(imagesFolder, relative);
        if (File.Exists(destination))
            return relative;
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temporary = destination + $".{Guid.NewGuid():N}.tmp";
        File.Copy(image.FullPath, temporary);
        File.Move(temporary, destination, overwrite: true);
        return relative;
    }
}
