using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using MMEvol.Core;

namespace MMEvol.Training.External;

/// <summary>
/// A <c>/bin/sh -c</c> command whose stdout and stderr are drained line by line as they come (a full pipe
/// would stall the trainer). It runs in a session of its own (setsid): a process that outlives its parent,
/// such as a background job of a script that was killed, stays in the group, and <see cref="KillAll"/>
/// reaches it where a walk of the process tree would not.
/// </summary>
internal sealed class ShellProcess : IDisposable
{
    private const string Shell = "/bin/sh";
    private const int SigKill = 9;
    private static readonly string? Setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    private readonly Process _process;
    private readonly Task _drained;

    private ShellProcess(Process process, Action<string> onLine)
    {
        _process = process;
        _drained = Task.WhenAll(PumpAsync(process.StandardOutput.BaseStream, onLine), PumpAsync(process.StandardError.BaseStream, onLine));
    }

    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    public static ShellProcess Start(string command, string workingDirectory, IReadOnlyDictionary<string, string> environment, Action<string> onLine)
    {
        var start = new ProcessStartInfo(Setsid ?? Shell)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Setsid is not null)
            start.ArgumentList.Add(Shell);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        // Python buffers a piped stdout in blocks; unbuffered, its log lines arrive as they are printed.
        start.Environment["PYTHONUNBUFFERED"] = "1";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new WorkbenchException($"Could not start {Shell} in {workingDirectory}.");
        }
        catch (Win32Exception e)
        {
            throw new WorkbenchException($"Could not start {start.FileName} in {workingDirectory}: {e.Message}", e);
        }
        // A trainer that asks a question (a wandb login) reads end of input instead of waiting for ever.
        process.StandardInput.Close();
        return new ShellProcess(process, onLine);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the command's whole session, then its process tree for anything that left the session.</summary>
    public void KillAll()
    {
        if (Setsid is not null)
            _ = Kill(-_process.Id, SigKill);
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited and reaped.
        }
    }

    /// <summary>Waits for the last output; a pipe still held open by a process outside the session is given up on.</summary>
    public Task DrainAsync(TimeSpan timeout) => Task.WhenAny(_drained, Task.Delay(timeout));

    public void Dispose() => _process.Dispose();

    private static async Task PumpAsync(Stream stream, Action<string> onLine)
    {
        var lines = new List<string>();
        var assembler = new LineAssembler();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                assembler.Feed(buffer.AsSpan(0, read), lines);
                lines.ForEach(onLine);
                lines.Clear();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was disposed while a reader still waited: nothing more will come.
        }
        assembler.Finish(lines);
        lines.ForEach(onLine);
    }

    // DllImport, not LibraryImport: the generated marshalling needs unsafe code, and two ints need no marshalling.
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
