using System.ComponentModel;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core.Demo;
using MMEvol.Core.Import;
using MMEvol.Core.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands;

public sealed class DemoCommand(IAnsiConsole console, TimeProvider time) : AsyncCommand<DemoCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--images <N>")]
        [Description("Training images of the Shapes world (each with a caption, detections and 1-2 seed questions).")]
        [DefaultValue(300)]
        public int Images { get; init; } = 300;

        [CommandOption("--benchmark <N>")]
        [Description("Held-out benchmark images (never imported): existence in POPE's three samplings, counting, color, position, comparison, multiple choice.")]
        [DefaultValue(100)]
        public int Benchmark { get; init; } = 100;

        [CommandOption("--seed <S>")]
        [Description("Random seed: the same seed gives the same bytes.")]
        [DefaultValue(7)]
        public int Seed { get; init; } = 7;

        [CommandOption("--dataset <NAME>")]
        [Description("Dataset to import the demo seed set into.")]
        [DefaultValue(DemoDataset.DefaultName)]
        public string Dataset { get; init; } = DemoDataset.DefaultName;

        public override ValidationResult Validate() =>
            Images < 1 ? ValidationResult.Error("--images must be at least 1")
            : Benchmark < 0 ? ValidationResult.Error("--benchmark cannot be negative")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = settings.Directory();
        await using var db = await settings.OpenAsync(cancellationToken);
        var options = new ShapesWorldOptions(settings.Images, settings.Benchmark, settings.Seed);

        var (world, report) = await console.Progress().Columns(ProgressBars.Columns()).StartAsync(async progress =>
        {
            var drawing = progress.AddTask("Drawing the Shapes world", maxValue: settings.Images + settings.Benchmark);
            var world = await Task.Run(() => DemoDataset.Generate(data, options, new Progress<int>(n => drawing.Value = n)), cancellationToken);
            drawing.Value = drawing.MaxValue;
            var importing = progress.AddTask("Importing the seed set", maxValue: 1);
            var report = await DemoDataset.ImportAsync(db, data, world, settings.Dataset, time, new Progress<ImportProgress>(p =>
            {
                importing.MaxValue = Math.Max(1, p.BytesTotal);
                importing.Value = p.BytesRead;
            }), cancellationToken);
            return (world, report);
        });

        console.MarkupLineInterpolated($"Shapes world (seed {settings.Seed}) in {Path.GetDirectoryName(world.ImageDirectory)}");
        console.MarkupLineInterpolated($"Imported [green]{report.Imported:N0}[/] new records into dataset [green]{settings.Dataset}[/] ({report.Duplicates.Count:N0} already there, {report.Refused.Count:N0} refused)");
        console.MarkupLineInterpolated($"Held-out benchmark: {world.BenchmarkItems:N0} questions on {settings.Benchmark:N0} images in {world.BenchmarkFile}");
        StatsTable.Write(console, await DatasetStats.ComputeAsync(db, settings.Dataset, cancellationToken));
        return report.Refused.Count == 0 ? 0 : ImportCommand.SomeRefused;
    }
}
