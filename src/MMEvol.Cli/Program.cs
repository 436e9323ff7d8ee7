using MMEvol.Cli;
using Spectre.Console;

// Ctrl+C stops the running job cleanly (its progress is kept and the same command resumes it).
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};
return await CliApp.Create(AnsiConsole.Console).RunAsync(args, stop.Token);
