using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Spectre.Console.Testing;

namespace MMEvol.Cli.Tests;

/// <summary>Runs `mmevol` in-process against a recording console, in a temporary data directory.</summary>
public sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Root = Directory.CreateTempSubdirectory("mmevol-cli-").FullName;
        DataDir = Path.Combine(Root, "data");
    }

    public string Root { get; }
    public string DataDir { get; }

    public async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(1000);
        var code = await CliApp.Create(console).RunAsync([.. args, "--data", DataDir]);
        return (code, console.Output);
    }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs the built `mmevol` as its own process, as a user would, draining its output.</summary>
    public static async Task<(int Code, string Output)> RunProcessAsync(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mmevol.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["MMEVOL_DATA"] = null;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
