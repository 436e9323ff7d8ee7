namespace MMEvol.Training.Tests.External;

/// <summary>
/// Whether a process still runs, read from /proc. A zombie counts as gone: it runs nothing, and in a
/// container whose init does not reap, a killed orphan stays a zombie for ever.
/// </summary>
internal static class LinuxProcesses
{
    public static bool IsRunning(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        var state = stat[(stat.LastIndexOf(')') + 1)..].TrimStart();
        return state.Length > 0 && state[0] is not ('Z' or 'X');
    }

    public static async Task<bool> GoneWithinAsync(int pid, int timeoutSeconds = 5)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(20);
        }
        return true;
    }
}
