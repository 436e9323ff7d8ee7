using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MMEvol.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands;

public sealed class WorkerCommand(IAnsiConsole console) : AsyncCommand<StoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        await using (await settings.OpenAsync(cancellationToken))
        {
        }
        using var host = CliHost.Build(settings.Directory(), runWorker: true, LogLevel.Information);
        console.MarkupLineInterpolated($"Worker on {settings.Directory().DatabaseFile}: running queued jobs until Ctrl+C.");
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
