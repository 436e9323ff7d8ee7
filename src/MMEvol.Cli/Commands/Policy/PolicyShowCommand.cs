using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core;
using MMEvol.Core.Elimination;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands.Policy;

public sealed class PolicyShowCommand(IAnsiConsole console) : AsyncCommand<PolicyShowCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--dataset <NAME>")]
        [Description("Dataset whose elimination policy to show.")]
        public string Dataset { get; init; } = "";

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Dataset) ? ValidationResult.Error("--dataset is required") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var db = await settings.OpenAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Name == settings.Dataset, cancellationToken)
            ?? throw new WorkbenchException($"No dataset named '{settings.Dataset}'.");
        var policy = await PolicyApplier.CurrentAsync(db, dataset.Id, cancellationToken);
        PolicyTable.Write(console, policy);
        var history = await db.Policies.AsNoTracking().Where(p => p.DatasetId == dataset.Id).OrderBy(p => p.Version).ToListAsync(cancellationToken);
        foreach (var p in history)
            console.MarkupLineInterpolated($"[grey]v{p.Version} {p.CreatedAt:yyyy-MM-dd HH:mm} by {p.CreatedBy}: {p.Note ?? ""}[/]");
        return 0;
    }
}
