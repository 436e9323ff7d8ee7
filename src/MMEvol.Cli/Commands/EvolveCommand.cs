using System.ComponentModel;
using Microsoft.Extensions.Logging;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Core.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands;

public sealed class EvolveCommand(IAnsiConsole console) : AsyncCommand<EvolveCommand.Settings>
{
    public sealed class Settings : ModelSettings
    {
        [CommandOption("--dataset <NAME>")]
        [Description("Dataset to evolve.")]
        public string Dataset { get; init; } = "";

        [CommandOption("--rounds <N>")]
        [Description("Bring every eligible record up to round N (a record whose newest kept list is non-empty gets one rewrite per round).")]
        [DefaultValue(3)]
        public int Rounds { get; init; } = 3;

        [CommandOption("--evolver <NAME>")]
        [Description("offline: the embedded evolver, deterministic and grounded in the detections (no network); llm: a chat model (--model, --endpoint, --api-key-env).")]
        [DefaultValue("offline")]
        public string Evolver { get; init; } = "offline";

        [CommandOption("--judge <NAME>")]
        [Description("heuristic: the embedded judge (the paper's criteria, cheap checks, claims checked against the detections); llm: the chat model, text only.")]
        [DefaultValue("heuristic")]
        public string Judge { get; init; } = "heuristic";

        [CommandOption("--concurrency <N>")]
        [Description("Records whose model calls run at once. Default: 8 with a model, 1 offline.")]
        public int? Concurrency { get; init; }

        [CommandOption("--estimate")]
        [Description("Print the expected calls, tokens and cost (at --price-input/--price-output) and stop before anything is sent.")]
        public bool Estimate { get; init; }

        [CommandOption("--max-cost <USD>")]
        [Description("Stop the job cleanly once its model calls cost this much; the same command with a higher limit resumes it. A later run without this option keeps the job's limit.")]
        public double? MaxCost { get; init; }

        [CommandOption("--fault-rate <F>")]
        [Description("Offline evolver only: share of items given a real model's mistake on purpose (hallucinated object, wrong answer, unchanged rewrite, template echo, broken JSON), so that the judge and reviewers have real work.")]
        [DefaultValue(0.15)]
        public double FaultRate { get; init; } = 0.15;

        [CommandOption("--weights <P,R,I>")]
        [Description("Draw weights of the perception, reasoning and interaction directions. Default 1,1,1 (the paper); the released code used 0.5,0.25,0.25.")]
        public string Weights { get; init; } = DirectionWeights.Equal.ToString();

        [CommandOption("--seed <S>")]
        [Description("Seed of the direction draws and the offline evolver: the same seed gives the same data.")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--limit <N>")]
        [Description("Only the first N records of the dataset.")]
        public int? Limit { get; init; }

        [CommandOption("--retry-failed")]
        [Description("Evolve again the rounds that failed (a call error or an unreadable answer) when they are a record's newest round.")]
        public bool RetryFailed { get; init; }

        [CommandOption("--enqueue")]
        [Description("Only queue the job for a worker (`mmevol worker` or the web app) instead of running it here.")]
        public bool Enqueue { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Dataset) ? ValidationResult.Error("--dataset is required") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var llm = settings.Llm();
        var usesModel = settings.Evolver == "llm" || settings.Judge == "llm";
        var evolve = new EvolveSettings
        {
            Rounds = settings.Rounds,
            Evolver = settings.Evolver,
            Judge = settings.Judge,
            Llm = usesModel ? llm : null,
            Concurrency = settings.Concurrency ?? (usesModel ? 8 : 1),
            FaultRate = settings.FaultRate,
            Weights = DirectionWeights.Parse(settings.Weights).ToString(),
            Seed = settings.Seed,
            Limit = settings.Limit,
            RetryFailed = settings.RetryFailed,
        };
        evolve.Validate();
        await using var db = await settings.OpenAsync(cancellationToken);
        if (settings.MaxCost is < 0)
            throw new WorkbenchException("--max-cost cannot be negative.");
        var dataset = await DatasetLookup.ByNameAsync(db, settings.Dataset, cancellationToken);
        if (settings.Estimate)
        {
            EstimateTable.Write(console, await EvolutionEstimate.ComputeAsync(db, settings.Directory(), dataset.Id, evolve, cancellationToken));
            return 0;
        }
        using var host = CliHost.Build(settings.Directory(), runWorker: false, LogLevel.Warning);
        var config = evolve.ToJson();
        var code = await ForegroundJob.RunAsync(console, host, JobKind.Evolve, dataset.Id, config, settings.Enqueue, cancellationToken,
            stored => EvolveSettings.SameWork(stored, config), settings.MaxCost);
        if (code == 0 && !settings.Enqueue)
            StatsTable.Write(console, await DatasetStats.ComputeAsync(db, dataset.Name, cancellationToken));
        return code;
    }
}
