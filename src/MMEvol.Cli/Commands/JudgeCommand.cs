using System.ComponentModel;
using Microsoft.Extensions.Logging;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core.Elimination;
using MMEvol.Core.Model;
using MMEvol.Core.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands;

public sealed class JudgeCommand(IAnsiConsole console) : AsyncCommand<JudgeCommand.Settings>
{
    public sealed class Settings : ModelSettings
    {
        [CommandOption("--dataset <NAME>")]
        [Description("Dataset whose rounds to judge again.")]
        public string Dataset { get; init; } = "";

        [CommandOption("--round <N>")]
        [Description("Only round N; 0 scores the seed items on their own, as the paper did. Default: every evolved round.")]
        public int? Round { get; init; }

        [CommandOption("--judge <NAME>")]
        [Description("heuristic: the embedded judge (the paper's criteria, WizardLM's cheap checks, grounded in the detections); llm: a chat model, text only (--model, --endpoint, --api-key-env).")]
        [DefaultValue("heuristic")]
        public string Judge { get; init; } = "heuristic";

        [CommandOption("--failed-only")]
        [Description("Only the rounds whose judge answer was unusable (JudgeFailed).")]
        public bool FailedOnly { get; init; }

        [CommandOption("--max-cost <USD>")]
        [Description("Stop cleanly once the judge's model calls cost this much; the same command resumes.")]
        public double? MaxCost { get; init; }

        [CommandOption("--enqueue")]
        [Description("Only queue the job for a worker instead of running it here.")]
        public bool Enqueue { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Dataset) ? ValidationResult.Error("--dataset is required")
            : Round is < 0 ? ValidationResult.Error("--round cannot be negative")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var db = await settings.OpenAsync(cancellationToken);
        var dataset = await DatasetLookup.ByNameAsync(db, settings.Dataset, cancellationToken);
        using var host = CliHost.Build(settings.Directory(), runWorker: false, LogLevel.Warning);
        var config = new JudgeSettings(settings.Judge, settings.Round, settings.Judge == "llm" ? settings.Llm() : null, settings.FailedOnly).ToJson();
        if (settings.Judge == "llm" && settings.Model is null)
            throw new Core.WorkbenchException("--judge llm needs a model: pass --model (and --endpoint, --api-key-env).");
        var code = await ForegroundJob.RunAsync(console, host, JobKind.Judge, dataset.Id, config, settings.Enqueue, cancellationToken,
            costLimit: settings.MaxCost);
        if (code == 0 && !settings.Enqueue)
            StatsTable.Write(console, await DatasetStats.ComputeAsync(db, dataset.Name, cancellationToken));
        return code;
    }
}
