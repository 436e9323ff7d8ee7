using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands;

public sealed class StatsCommand(IAnsiConsole console) : AsyncCommand<StatsCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--dataset <NAME>")]
        [Description("Dataset to describe.")]
        public string Dataset { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the figures as JSON instead of a table.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Dataset) ? ValidationResult.Error("--dataset is required") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var db = await settings.OpenAsync(cancellationToken);
        var stats = await DatasetStats.ComputeAsync(db, settings.Dataset, cancellationToken);
        if (settings.Json)
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(stats, CliJson.Options));
        else
            StatsTable.Write(console, stats);
        return 0;
    }
}
