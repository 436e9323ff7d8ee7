using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MMEvol.Cli.Infrastructure;
using MMEvol.Training.Experiment;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands;

public sealed class ExperimentCommand(IAnsiConsole console, TimeProvider time) : AsyncCommand<ExperimentCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--seeds <K>")]
        [Description("Run the whole experiment with K seeds and report mean and spread (default 1).")]
        [DefaultValue(1)]
        public int Seeds { get; init; } = 1;

        [CommandOption("--steps <N>")]
        [Description("Optimizer steps per arm, the same for every arm (default 400).")]
        public int? Steps { get; init; }

        [CommandOption("--images <N>")]
        [Description("Training scenes (default 2000).")]
        public int? Images { get; init; }

        [CommandOption("--benchmark <N>")]
        [Description("Benchmark scenes (default 500).")]
        public int? Benchmark { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Work folder for worlds, stores, runs and the report (default: runs/experiment-<time> in the data directory).")]
        public string? Out { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var defaults = new ExperimentOptions();
        var options = defaults with
        {
            Seeds = settings.Seeds,
            TrainingImages = settings.Images ?? defaults.TrainingImages,
            BenchmarkImages = settings.Benchmark ?? defaults.BenchmarkImages,
            Probe = defaults.Probe with { Steps = settings.Steps ?? defaults.Probe.Steps },
        };
        // Refused before anything is written: a typo leaves no empty work folder behind.
        options.Validate();
        var folder = Path.GetFullPath(settings.Out ?? Path.Combine(settings.Directory().Runs,
            "experiment-" + time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        Directory.CreateDirectory(folder);
        console.MarkupLineInterpolated($"Experiment in [green]{folder}[/]");
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Warning));
        var report = await new ExperimentRunner(loggers).RunAsync(folder, options,
            line => console.MarkupLineInterpolated($"[grey]{time.GetLocalNow():HH:mm:ss}[/] {line}"), cancellationToken);

        var markdown = report.ToMarkdown();
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), markdown, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        console.WriteLine();
        console.WriteLine(markdown);
        console.MarkupLineInterpolated($"Report written to {Path.Combine(folder, "report.md")}");
        return 0;
    }
}
