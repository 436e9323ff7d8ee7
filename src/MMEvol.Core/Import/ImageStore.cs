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

    /// <returns>The copy's path relative to the images folder, and the full path when this call created it.</returns>
    public static (string Relative, string? Created) Copy(string imagesFolder, ImageCheck image)
    {
        var relative = RelativePath(image);
        var destination = Path.Combine(imagesFolder, relative);
        if (File.Exists(destination))
            return (relative, null);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temporary = destination + $".{Guid.NewGuid():N}.tmp";
        File.Copy(image.FullPath, temporary);
        File.Move(temporary, destination, overwrite: true);
        return (relative, destination);
    }
}
