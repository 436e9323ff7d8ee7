using System.Collections.Concurrent;
using System.Security.Cryptography;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;

namespace MMEvol.Core.Formats;

/// <summary>
/// Accepts an image file only after it resolved inside its root (through every link on the way),
/// its content was recognized as a supported format, it is complete, and its header's pixel count
/// is within limits; the pixels themselves are decoded only when asked (they cost 10-100x more
/// than the header). Every failure, file-system errors included, is a per-record error.
/// </summary>
public sealed class ImageInspector(ImageLimits limits, bool decodePixels = false)
{
    private readonly Configuration _configuration = HardenedImaging.Create(limits);
    private readonly ConcurrentDictionary<string, string> _realFolders = new(StringComparer.Ordinal);

    public ImageCheck Inspect(string root, string relativePath)
    {
        var full = ResolveInside(root, relativePath);
        try
        {
            if (Directory.Exists(full))
                throw new InvalidRecordException("image", $"'{relativePath}' is a folder, not an image file");
            var info = new FileInfo(full);
            if (!info.Exists)
                throw new InvalidRecordException("image", $"file not found: {relativePath}");
            var real = RealPath(full);
            if (!Inside(RealPath(root), real))
                throw new InvalidRecordException("image", $"'{relativePath}' escapes the image root through a link");
            // FIFOs and devices report no length: refusing empty files before opening keeps a pipe from blocking the import.
            if (info.Length == 0)
                throw new InvalidRecordException("image", "the file is empty (or not a regular file)");
            if (info.Length > limits.MaxFileBytes)
                throw new InvalidRecordException("image", $"the file has {info.Length} bytes, over the limit of {limits.MaxFileBytes}");
            return Check(File.ReadAllBytes(real), real);
        }
        catch (IOException e)
        {
            throw new InvalidRecordException("image", $"cannot read '{relativePath}': {e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InvalidRecordException("image", $"permission denied reading '{relativePath}'");
        }
    }

    /// <summary>Refuses absolute paths and any path that leaves the root by '..'.</summary>
    public static string ResolveInside(string root, string relativePath)
    {
        if (relativePath.Contains('\0') || Path.IsPathRooted(relativePath) || relativePath.StartsWith('\\')
            || (relativePath.Length >= 2 && relativePath[1] == ':'))
            throw new InvalidRecordException("image", $"'{relativePath}' is an absolute path; image paths must be relative to the image root");
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(rootFull, relativePath)));
        if (full == rootFull)
            throw new InvalidRecordException("image", $"'{relativePath}' names the image folder itself, not a file");
        if (!Inside(rootFull, full))
            throw new InvalidRecordException("image", $"'{relativePath}' escapes the image root");
        return full;
    }

    private static bool Inside(string root, string path) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private ImageCheck Check(byte[] data, string path)
    {
        var format = ImageSniffer.Format(data);
        ImageSniffer.CheckComplete(format, data);
        var (width, height) = Identify(data, format);
        if ((long)width * height > limits.MaxPixels)
            throw new InvalidRecordException("image", $"the header claims {width}x{height} pixels, over the limit of {limits.MaxPixels} pixels");
        if (width <= 0 || height <= 0)
            throw new InvalidRecordException("image", $"the header claims an empty image ({width}x{height})");
        if (decodePixels)
            Decode(data, format);
        return new ImageCheck(path, Convert.ToHexStringLower(SHA256.HashData(data)), width, height, format, data.Length);
    }

    /// <summary>The path with every link resolved, folder by folder (folders are cached: images share them).</summary>
    private string RealPath(string path)
    {
        var folder = Path.GetDirectoryName(path);
        var realFolder = folder is null ? "" : _realFolders.GetOrAdd(folder, f => Resolve(f, depth: 0));
        return Resolve(Path.Combine(realFolder, Path.GetFileName(path)), depth: 0, componentOnly: true);
    }

    private string Resolve(string path, int depth, bool componentOnly = false)
    {
        if (depth > 32)
            throw new IOException("too many levels of symbolic links");
        var parent = Path.GetDirectoryName(path);
        var resolvedParent = componentOnly || parent is null ? parent : _realFolders.GetOrAdd(parent, p => Resolve(p, depth + 1));
        var current = resolvedParent is null ? path : Path.Combine(resolvedParent, Path.GetFileName(path));
        FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
        if (entry.LinkTarget is null)
            return current;
        var target = entry.ResolveLinkTarget(returnFinalTarget: true) ?? throw new IOException($"broken link: {current}");
        return Resolve(target.FullName, depth + 1);
    }

    private (int Width, int Height) Identify(byte[] data, string format)
    {
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            var info = Image.Identify(_configuration, stream, out _)
                ?? throw new InvalidRecordException("image", $"the {format} header is unreadable");
            return (info.Width, info.Height);
        }
        catch (Exception e) when (e is not InvalidRecordException)
        {
            throw new InvalidRecordException("image", $"corrupt {format} header: {e.Message}");
        }
    }

    private void Decode(byte[] data, string format)
    {
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            using var image = Image.Load(_configuration, stream);
        }
        catch (Exception e) when (Causes(e).Any(c => c is InvalidMemoryOperationException))
        {
            throw new InvalidRecordException("image", $"decoding the {format} pixels needs more than the allowed {limits.AllocationLimitMegabytes} MB");
        }
        catch (Exception e)
        {
            throw new InvalidRecordException("image", $"corrupt {format} data: {e.Message}");
        }
    }

    private static IEnumerable<Exception> Causes(Exception e)
    {
        for (Exception? cause = e; cause is not null; cause = cause.InnerException)
            yield return cause;
    }
}
