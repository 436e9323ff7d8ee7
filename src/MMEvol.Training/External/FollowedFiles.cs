namespace MMEvol.Training.External;

/// <summary>
/// The files a run follows besides the command's output: the profile's log file (known once the job id is)
/// and every trainer_log.jsonl under the output folder, where LLaMA-Factory writes one into its output_dir.
/// A file already there when the run starts belongs to an earlier run: only what is appended to it counts.
/// </summary>
internal sealed class FollowedFiles
{
    private const string TrainerLog = "trainer_log.jsonl";
    private static readonly EnumerationOptions Search = new() { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true };

    private readonly TrainerProfile _profile;
    private readonly TrainerPaths _paths;
    private readonly string _workingDirectory;
    private readonly string _output;
    private readonly Dictionary<string, long> _lengthsAtStart = [];
    private readonly Dictionary<string, FileTail> _tails = [];

    public FollowedFiles(TrainerProfile profile, TrainerPaths paths, string workingDirectory)
    {
        (_profile, _paths, _workingDirectory, _output) = (profile, paths, workingDirectory, Path.GetFullPath(paths.Output));
        foreach (var file in Candidates(jobId: null))
        {
            if (File.Exists(file))
                _lengthsAtStart[file] = new FileInfo(file).Length;
        }
    }

    /// <summary>Starts following files that have appeared; the poll loop alone calls this, so no lock is needed.</summary>
    public IReadOnlyCollection<FileTail> Current(string? jobId)
    {
        var logFile = _profile.LogFilePath(_paths, _workingDirectory, jobId);
        foreach (var file in Candidates(jobId))
        {
            if (!_tails.ContainsKey(file))
                _tails[file] = new FileTail(file, _lengthsAtStart.GetValueOrDefault(file), isLog: file == logFile, new TrainerLogParser());
        }
        return _tails.Values;
    }

    private IEnumerable<string> Candidates(string? jobId)
    {
        if (_profile.LogFilePath(_paths, _workingDirectory, jobId) is { } logFile)
            yield return logFile;
        List<string> trainerLogs;
        try
        {
            trainerLogs = [.. Directory.EnumerateFiles(_output, TrainerLog, Search)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        foreach (var file in trainerLogs)
            yield return file;
    }
}
