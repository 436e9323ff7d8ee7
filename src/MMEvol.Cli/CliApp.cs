using MMEvol.Cli.Commands;
using MMEvol.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli;

/// <summary>The `mmevol` command tree; tests build it around a recording console.</summary>
public static class CliApp
{
    public static CommandApp Create(IAnsiConsole console)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("mmevol");
            config.Settings.Registrar.RegisterInstance(console);
            config.Settings.Registrar.RegisterInstance(TimeProvider.System);
            config.ConfigureConsole(console);
            config.SetExceptionHandler((exception, _) =>
            {
                // A user's mistake or the machine's (a file, a permission, a busy store) gets one line;
                // anything else is a bug and keeps its stack trace.
                if (exception is WorkbenchException or CommandAppException or IOException or UnauthorizedAccessException
                    or Microsoft.Data.Sqlite.SqliteException)
                    console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
                else
                    console.WriteException(exception, ExceptionFormats.ShortenEverything);
                return 1;
            });

            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Generate the Shapes demo world in the data directory, import it and print its statistics.")
                .WithExample("demo", "--images", "300", "--benchmark", "100");
            config.AddCommand<ImportCommand>("import")
                .WithDescription("Import a LLaVA, MMEvol-record or ShareGPT file (JSON array or JSON Lines) into a dataset.")
                .WithExample("import", "llava_instruct.json", "--images", "coco/", "--dataset", "seed");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("Export a dataset's items, chosen by final decision, as LLaVA, ShareGPT, JSON Lines or MMEvol records.")
                .WithExample("export", "--dataset", "seed", "--format", "llava", "--out", "kept.json");
            config.AddCommand<EvolveCommand>("evolve")
                .WithDescription("Evolve a dataset for N rounds (perception, reasoning, interaction), judge every rewrite and decide by the dataset's policy.")
                .WithExample("evolve", "--dataset", "shapes", "--rounds", "3");
            config.AddCommand<JudgeCommand>("judge")
                .WithDescription("Judge rounds again (round 0: score the seed on its own) and re-decide them by the current policy.")
                .WithExample("judge", "--dataset", "shapes", "--round", "0");
            config.AddBranch("policy", policy =>
            {
                policy.SetDescription("Show or change a dataset's elimination policy.");
                policy.AddCommand<Commands.Policy.PolicyShowCommand>("show").WithDescription("Show the current policy and its history.");
                policy.AddCommand<Commands.Policy.PolicyApplyCommand>("apply")
                    .WithDescription("Make a new policy version and re-decide every evolved item (reviewers' overrides stay).")
                    .WithExample("policy", "apply", "--dataset", "shapes", "--min-score", "6");
            });
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train the probe model (TorchSharp) on a snapshot of a dataset and score it on the benchmark, or run an external trainer's command on it.")
                .WithExample("train", "--dataset", "shapes", "--snapshot", "kept", "--steps", "1000")
                .WithExample("train", "--dataset", "shapes", "--command", "llamafactory-cli train my.yaml dataset_dir={data_dir} dataset={dataset} output_dir={output}");
            config.AddCommand<ExperimentCommand>("experiment")
                .WithDescription("Seed only vs kept evolved vs all evolved (no elimination), at two fault rates: the same probe, the same steps, one Shapes world per seed.")
                .WithExample("experiment", "--seeds", "3");
            config.AddCommand<WorkerCommand>("worker")
                .WithDescription("Run queued jobs (evolve, judge, train, export) until Ctrl+C; several workers may share one store.");
            config.AddBranch("jobs", jobs =>
            {
                jobs.SetDescription("List, inspect, cancel or resume jobs.");
                jobs.AddCommand<Commands.Jobs.JobsListCommand>("list").WithDescription("The newest jobs with their state and progress.");
                jobs.AddCommand<Commands.Jobs.JobsShowCommand>("show").WithDescription("One job: settings, progress, error and log.");
                jobs.AddCommand<Commands.Jobs.JobsCancelCommand>("cancel").WithDescription("Cancel a queued job, or ask a running one to stop.");
                jobs.AddCommand<Commands.Jobs.JobsResumeCommand>("resume").WithDescription("Queue a failed or cancelled job again; it continues where the store says it stopped.");
            });
            config.AddCommand<StatsCommand>("stats")
                .WithDescription("Per round and direction: records, items, kept, mean judge score, steps/skills/objects per kept item.")
                .WithExample("stats", "--dataset", "seed");
        });
        return app;
    }
}
