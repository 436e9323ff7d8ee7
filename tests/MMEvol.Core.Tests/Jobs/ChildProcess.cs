using System.Diagnostics;

namespace MMEvol.Core.Tests.Jobs;

/// <summary>Real processes for the dead-owner tests: one that has exited, one that is alive.</summary>
public static class ChildProcess
{
    public static async Task<int> ExitedPidAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        var pid = process.Id;
        await process.WaitForExitAsync();
        return pid;
    }

    public static Process StartSleeping() =>
        Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;

    public static void Stop(Process process)
    {
        if (!process.HasExited)
            process.Kill();
        process.WaitForExit();
        process.Dispose();
    }
}
