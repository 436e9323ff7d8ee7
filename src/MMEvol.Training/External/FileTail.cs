namespace MMEvol.Training.External;

/// <summary>
/// Follows a file another process appends to, reading only what is new at each call. A file that got
/// shorter was truncated or replaced (LLaMA-Factory starts trainer_log.jsonl afresh): it is read again from the start.
/// </summary>
internal sealed class FileTail(string path, long startOffset, bool isLog, TrainerLogParser parser)
{
    private long _offset = startOffset;
    private LineAssembler _lines = new();
    private readonly byte[] _buffer = new byte[64 * 1024];

    public string Path => path;

    /// <summary>Whether its lines belong in the job log (a Slurm output file) or are only data (trainer_log.jsonl).</summary>
    public bool IsLog => isLog;

    public TrainerLogParser Parser => parser;

    public void ReadNew(List<string> lines, bool final)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < _offset)
                (_offset, _lines) = (0, new LineAssembler());
            stream.Seek(_offset, SeekOrigin.Begin);
            int read;
            while ((read = stream.Read(_buffer)) > 0)
            {
                _lines.Feed(_buffer.AsSpan(0, read), lines);
                _offset += read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not there yet, or gone for a moment while the trainer rewrites it: the next poll tries again.
        }
        if (final)
            _lines.Finish(lines);
    }
}
