using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands.Jobs;

public sealed class JobsResumeCommand(IAnsiConsole console) : AsyncCommand<JobSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, JobSettings settings, CancellationToken cancellationToken)
    {
        await using (await settings.OpenAsync(cancellationToken))
        {
        }
        using var host = CliHost.Build(settings.Directory(), runWorker: false, LogLevel.Warning);
        var job = await host.Services.GetRequiredService<JobQueue>().ResumeAsync(settings.Id, cancellationToken);
        console.MarkupLineInterpolated($"Job {job.Id} queued again; a worker continues it from what the store holds (`mmevol worker`).");
        return 0;
    }
}
