using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core;
using MMEvol.Core.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands.Jobs;

public sealed class JobsShowCommand(IAnsiConsole console) : AsyncCommand<JobSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, JobSettings settings, CancellationToken cancellationToken)
    {
        await using (await settings.OpenAsync(cancellationToken))
        {
        }
        using var host = CliHost.Build(settings.Directory(), runWorker: false, LogLevel.Warning);
        var queue = host.Services.GetRequiredService<JobQueue>();
        var job = await queue.GetAsync(settings.Id, includeLog: false, cancellationToken) ?? throw new WorkbenchException($"No job {settings.Id}.");
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Job", $"{job.Id} ({job.Kind})");
        grid.AddRow("State", job.State.ToString() + (job.CancelRequested ? " (cancel requested)" : ""));
        grid.AddRow("Progress", $"{job.Done:N0} of {job.Total:N0}");
        grid.AddRow("Settings", Markup.Escape(job.Config));
        grid.AddRow("Worker", Markup.Escape(job.LeaseOwner ?? "-"));
        grid.AddRow("Created", $"{job.CreatedAt:u} by {Markup.Escape(job.CreatedBy)}");
        if (job.Error is not null)
            grid.AddRow("Error", $"[red]{Markup.Escape(job.Error)}[/]");
        console.Write(grid);
        foreach (var line in await queue.ReadLogAsync(job.Id, cancellationToken: cancellationToken))
            console.MarkupLineInterpolated($"[grey]{line.At:HH:mm:ss} {line.Level}[/] {line.Message}");
        return 0;
    }
}
