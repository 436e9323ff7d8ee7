using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands.Jobs;

public sealed class JobsCancelCommand(IAnsiConsole console) : AsyncCommand<JobSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, JobSettings settings, CancellationToken cancellationToken)
    {
        await using (await settings.OpenAsync(cancellationToken))
        {
        }
        using var host = CliHost.Build(settings.Directory(), runWorker: false, LogLevel.Warning);
        var state = await host.Services.GetRequiredService<JobQueue>().RequestCancelAsync(settings.Id, cancellationToken);
        console.MarkupLineInterpolated($"Job {settings.Id}: {state}{(state == Core.Model.JobState.Running ? " (its worker stops at its next heartbeat)" : "")}");
        return 0;
    }
}
