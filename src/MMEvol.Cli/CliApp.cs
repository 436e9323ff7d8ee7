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
                // A user's mistake gets one line; anything else is a bug and keeps its stack trace.
                if (exception is WorkbenchException or CommandAppException)
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
            config.AddCommand<StatsCommand>("stats")
                .WithDescription("Per round and direction: records, items, kept, mean judge score, steps/skills/objects per kept item.")
                .WithExample("stats", "--dataset", "seed");
        });
        return app;
    }
}
