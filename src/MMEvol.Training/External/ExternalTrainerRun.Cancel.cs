using MMEvol.Core;

namespace MMEvol.Training.External;

/// <summary>Stopping a run: the cancel command, the grace period, and what the log says about them.</summary>
public sealed partial class ExternalTrainerRun
{
    /// <summary>
    /// The profile's cancel command first (scancel: killing sbatch does not stop the job), then a grace period
    /// for the command to end by itself; the caller kills whatever is left either way.
    /// </summary>
    private async Task CancelAsync(ShellProcess process)
    {
        if (_profile.CancelTemplate is null)
        {
            Note("stopping: killing the command's processes.");
            return;
        }
        if (_profile.CancelNeedsJobId)
        {
            await Task.WhenAny(_jobId.Task, process.WaitForExitAsync(), Task.Delay(_options.GracePeriod));
            if (JobId is null)
            {
                Note("stopping before the command printed a job id: the cancel command cannot run; killing the command's processes.");
                return;
            }
        }
        await RunCancelCommandAsync(_profile.CancelCommand(_paths, JobId, process.Id));
        try
        {
            await process.WaitForExitAsync().WaitAsync(_options.GracePeriod);
        }
        catch (TimeoutException)
        {
            Note($"the command did not end within {_options.GracePeriod.TotalSeconds:0.#} s of its cancel command; killing its processes.");
        }
    }

    private async Task RunCancelCommandAsync(string command)
    {
        Note($"cancelling: $ {command}");
        ShellProcess cancel;
        try
        {
            cancel = ShellProcess.Start(command, _workingDirectory, _profile.EnvironmentVariables, line => Log("[cancel] " + line));
        }
        catch (WorkbenchException e)
        {
            Note(e.Message);
            return;
        }
        using (cancel)
        {
            var finished = true;
            try
            {
                await cancel.WaitForExitAsync().WaitAsync(_options.CancelTimeout);
            }
            catch (TimeoutException)
            {
                finished = false;
            }
            cancel.KillAll();
            await cancel.DrainAsync(_options.DrainTimeout);
            Note(finished
                ? $"the cancel command exited with code {cancel.ExitCode}."
                : $"the cancel command did not finish within {_options.CancelTimeout.TotalSeconds:0.#} s and was killed.");
        }
    }
}
