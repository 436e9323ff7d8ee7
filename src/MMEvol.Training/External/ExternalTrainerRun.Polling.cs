namespace MMEvol.Training.External;

/// <summary>Following the files beside the command's output.</summary>
public sealed partial class ExternalTrainerRun
{
    private async Task PollAsync(FollowedFiles files, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.PollInterval, stop);
                Poll(files, final: false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The command has ended; the run makes one last poll itself.
        }
    }

    /// <summary>Reads what the followed files gained; the final poll also takes a last line without its newline.</summary>
    private void Poll(FollowedFiles files, bool final)
    {
        foreach (var tail in files.Current(JobId))
        {
            var lines = new List<string>();
            tail.ReadNew(lines, final);
            lock (_gate)
            {
                foreach (var line in lines)
                {
                    if (tail.IsLog && !Log(line))
                        continue;
                    if (tail.Parser.Read(line) is { } point)
                        _merger.Add(point);
                }
            }
        }
        if (!final)
        {
            lock (_gate)
                _merger.PollDone();
        }
    }

    private string? JobId => _jobId.Task.IsCompletedSuccessfully ? _jobId.Task.Result : null;
}
