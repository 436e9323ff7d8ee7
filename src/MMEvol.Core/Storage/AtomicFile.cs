namespace MMEvol.Core.Storage;

/// <summary>
/// Writes a file next to its destination and renames it into place, so that a reader (a training
/// job) never sees half a file and a failed write leaves the previous version intact.
/// </summary>
public static class AtomicFile
{
    /// <param name="durable">Also flush to disk before the rename: costly per file, so kept for files a crash must not empty.</param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, bool durable = false)
    {
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: durable);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    public static async Task<T> WriteAsync<T>(string path, Func<Stream, Task<T>> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            T result;
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                result = await write(stream);
                await stream.FlushAsync();
            }
            File.Move(temporary, full, overwrite: true);
            return result;
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
