using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using MMEvol.Core;

namespace MMEvol.Training.External;

/// <summary>
/// One run of an external trainer: runs the profile's command on exported data, passes every line of its
/// output (and of its log file, for Slurm) to the job log, and reads loss points from those lines and from
/// any trainer_log.jsonl that appears under the output folder. Callbacks are called one at a time.
/// Whatever happens, no process the command started is left running when the run returns.
/// </summary>
public sealed partial class ExternalTrainerRun
{
    private readonly Lock _gate = new();
    private readonly TrainerProfile _profile;
    private readonly TrainerPaths _paths;
    private readonly ExternalTrainerOptions _options;
    private readonly Action<string> _onLine;
    private readonly string _workingDirectory;
    private readonly TrainerLogParser _outputParser = new();
    private readonly PointMerger _merger;
    private readonly Regex? _jobIdPattern;
    private readonly TaskCompletionSource<string> _jobId = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abort = new();
    private ExceptionDispatchInfo? _callbackFailure;
    private bool _closed;

    private ExternalTrainerRun(TrainerProfile profile, TrainerPaths paths, ExternalTrainerOptions options, Action<string> onLine, Action<TrainingPoint> onPoint)
    {
        (_profile, _paths, _options, _onLine) = (profile, paths, options, onLine);
        _workingDirectory = Path.GetFullPath(profile.WorkingDirectory ?? paths.Output);
        _merger = new PointMerger(point => Guarded(() => onPoint(point)));
        _jobIdPattern = profile.JobIdRegex();
    }

    /// <summary>Runs <paramref name="profile"/> to its end, or until <paramref name="cancellationToken"/> cancels it.</summary>
    /// <param name="onLine">
    /// Each line for the job log: the command's stdout and stderr, its log file, and notes of the workbench's own,
    /// marked <c>[workbench]</c> (the cancel command's output is marked <c>[cancel]</c>).
    /// </param>
    /// <param name="onPoint">Each loss point as soon as it is known, at most once per step.</param>
    /// <exception cref="WorkbenchException">The profile is invalid, or the command could not be started.</exception>
    public static async Task<ExternalTrainerOutcome> RunAsync(TrainerProfile profile, TrainerPaths paths, Action<string> onLine, Action<TrainingPoint> onPoint,
        ExternalTrainerOptions? options = null, CancellationToken cancellationToken = default)
    {
        profile.EnsureValid(paths);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Directory.CreateDirectory(paths.Output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkbenchException($"Trainer profile '{profile.Name}': cannot create the output folder {paths.Output}: {e.Message}", e);
        }
        var run = new ExternalTrainerRun(profile, paths, options ?? new ExternalTrainerOptions(), onLine, onPoint);
        if (!Directory.Exists(run._workingDirectory))
            throw new WorkbenchException($"Trainer profile '{profile.Name}': the working directory {run._workingDirectory} does not exist.");
        using (run._abort)
            return await run.RunAsync(cancellationToken);
    }

    private async Task<ExternalTrainerOutcome> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
        var command = _profile.Preview(_paths);
        var files = new FollowedFiles(_profile, _paths, _workingDirectory);
        Note($"$ {command}");
        using var process = ShellProcess.Start(command, _workingDirectory, _profile.EnvironmentVariables, OnOutputLine);
        using var stopPolling = new CancellationTokenSource();
        var polling = PollAsync(files, stopPolling.Token);
        var cancelled = false;
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A command that ended as the cancel came has finished, not been cancelled.
            cancelled = !process.HasExited;
            if (cancelled)
                await CancelAsync(process);
        }
        finally
        {
            process.KillAll();
            await process.DrainAsync(_options.DrainTimeout);
            await stopPolling.CancelAsync();
            await polling;
        }
        Poll(files, final: true);
        var exitCode = await ExitCodeAsync(process);
        lock (_gate)
        {
            _merger.Finish();
            if (exitCode == 127 && !cancelled)
                Note("exit code 127: the shell did not find the command; check the profile's command and the PATH it runs with.");
            Note(cancelled ? $"cancelled; the command ended with exit code {exitCode}." : $"the command exited with code {exitCode}.");
            _closed = true;
        }
        _callbackFailure?.Throw();
        return new ExternalTrainerOutcome(exitCode, cancelled, [.. _merger.Points.OrderBy(p => p.Step)], JobId);
    }

    private async Task<int> ExitCodeAsync(ShellProcess process)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(_options.DrainTimeout);
            return process.ExitCode;
        }
        catch (TimeoutException)
        {
            Note("the command's process did not go away after it was killed.");
            return -1;
        }
    }

    private void OnOutputLine(string line)
    {
        lock (_gate)
        {
            if (!Log(line))
                return;
            CaptureJobId(line);
            if (_outputParser.Read(line) is { } point)
                _merger.Add(point);
        }
    }

    private void CaptureJobId(string line)
    {
        if (_jobIdPattern is null || _jobId.Task.IsCompleted)
            return;
        try
        {
            var match = _jobIdPattern.Match(line);
            var id = match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
            if (match.Success && id.Length > 0 && _jobId.TrySetResult(id))
                Note($"scheduler job {id}");
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological line for the user's pattern: it is not the submission line.
        }
    }

    /// <summary>Passes a line to the job log unless it is blank or the run has returned.</summary>
    private bool Log(string line)
    {
        lock (_gate)
        {
            if (_closed || string.IsNullOrWhiteSpace(line))
                return false;
            Guarded(() => _onLine(line));
            return true;
        }
    }

    private void Note(string message) => Log("[workbench] " + message);

    /// <summary>A callback that throws stops the run as a cancel would; the exception is rethrown once all is cleaned up.</summary>
    private void Guarded(Action callback)
    {
        if (_callbackFailure is not null)
            return;
        try
        {
            callback();
        }
        catch (Exception e)
        {
            _callbackFailure = ExceptionDispatchInfo.Capture(e);
            // Not Cancel(): its callbacks would run the stop inline, on a reader's thread, inside the gate.
            _ = _abort.CancelAsync();
        }
    }
}
