using System.ComponentModel;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands;

public sealed class ExportCommand(IAnsiConsole console) : AsyncCommand<ExportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--dataset <NAME>")]
        [Description("Dataset to export.")]
        public string Dataset { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("llava (JSON array), sharegpt (plus a LLaMA-Factory dataset_info.json entry beside it), jsonl (LLaVA records, one per line) or mmevol (records with every round).")]
        public ExportFormat? Format { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("File to write; replaced atomically (written beside it, then renamed).")]
        public string Out { get; init; } = "";

        [CommandOption("--decision <DECISION>")]
        [Description("kept (default: the seed and every round's items whose final decision is Kept), all, or seed (the seed list only).")]
        [DefaultValue(ItemSelection.Kept)]
        public ItemSelection Decision { get; init; }

        [CommandOption("--absolute-paths")]
        [Description("Write absolute image paths (the content-addressed copy for images imported with --copy), so training code finds them from any folder.")]
        public bool AbsolutePaths { get; init; }

        [CommandOption("--latest")]
        [Description("Only each record's newest non-empty kept list instead of the union over rounds (not for mmevol).")]
        public bool Latest { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Dataset) ? ValidationResult.Error("--dataset is required")
            : Format is null ? ValidationResult.Error("--format is required (llava, sharegpt, jsonl or mmevol)")
            : string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out is required")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var db = await settings.OpenAsync(cancellationToken);
        var options = new ExportOptions(settings.Dataset, settings.Format!.Value, settings.Out)
        {
            Selection = settings.Decision,
            Latest = settings.Latest,
            AbsoluteImagePaths = settings.AbsolutePaths,
        };
        var report = await console.Progress().Columns(ProgressBars.Columns()).StartAsync(async progress =>
        {
            var task = progress.AddTask("Exporting", maxValue: 1);
            return await Exporter.ExportAsync(db, settings.Directory(), options, new Progress<(int Done, int Total)>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            }), cancellationToken);
        });
        console.MarkupLineInterpolated($"Wrote [green]{report.Records:N0}[/] records with {report.Items:N0} items to {report.Out}");
        if (report.SkippedRecords > 0)
            console.MarkupLineInterpolated($"{report.SkippedRecords:N0} records had no {settings.Decision.ToString().ToLowerInvariant()} item and were left out");
        if (report.DatasetInfo is not null)
            console.MarkupLineInterpolated($"LLaMA-Factory entry [green]mmevol_{settings.Dataset}[/] written to {report.DatasetInfo}");
        return 0;
    }
}
