using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands.Jobs;

public sealed class JobsListCommand(IAnsiConsole console) : AsyncCommand<JobsListCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--state <STATE>")]
        [Description("Only jobs in this state: queued, running, succeeded, failed or cancelled.")]
        public JobState? State { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using (await settings.OpenAsync(cancellationToken))
        {
        }
        using var host = CliHost.Build(settings.Directory(), runWorker: false, LogLevel.Warning);
        var jobs = await host.Services.GetRequiredService<JobQueue>().ListAsync(settings.State, null, 50, cancellationToken);
        var table = new Table().Border(TableBorder.Simple).AddColumns("Id", "Kind", "State", "Dataset", "Progress", "Created", "Error");
        foreach (var job in jobs)
            table.AddRow($"{job.Id}", job.Kind.ToString(), job.State.ToString(), $"{job.DatasetId}", $"{job.Done:N0}/{job.Total:N0}",
                $"{job.CreatedAt:yyyy-MM-dd HH:mm}", Markup.Escape(job.Error ?? ""));
        console.Write(table);
        return 0;
    }
}
