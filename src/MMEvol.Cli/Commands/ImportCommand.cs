using System.ComponentModel;
using System.Text.Json;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core.Formats;
using MMEvol.Core.Import;
using MMEvol.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands;

public sealed class ImportCommand(IAnsiConsole console, TimeProvider time) : AsyncCommand<ImportCommand.Settings>
{
    private const int ListedDuplicates = 20;

    /// <summary>The import landed, but some records were refused: scripts can tell this from full success.</summary>
    public const int SomeRefused = 3;

    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The file to import: a JSON array or JSON Lines.")]
        public string File { get; init; } = "";

        [CommandOption("--images <DIR>")]
        [Description("Folder that the records' image paths are relative to. Default: the file's folder.")]
        public string? Images { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("Dataset to import into (created if new). Default: the file's name without extension.")]
        public string? Dataset { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("auto (default: from the first record's keys), llava, mmevol or sharegpt.")]
        [DefaultValue(SourceFormat.Auto)]
        public SourceFormat Format { get; init; }

        [CommandOption("--copy")]
        [Description("Copy images into the data directory (content-addressed by SHA-256) instead of referencing them.")]
        public bool Copy { get; init; }

        [CommandOption("--decode-pixels")]
        [Description("Decode every image fully, not only its header and structure (catches corrupt pixel data; much slower).")]
        public bool DecodePixels { get; init; }

        [CommandOption("--strict")]
        [Description("Import nothing if any record is refused.")]
        public bool Strict { get; init; }

        [CommandOption("--report <FILE>")]
        [Description("Write the import report as JSON: counts, duplicates, and every refused record with id, index, field and reason.")]
        public string? Report { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var db = await settings.OpenAsync(cancellationToken);
        var options = new ImportOptions(settings.File, settings.Dataset ?? Path.GetFileNameWithoutExtension(settings.File))
        {
            ImageRoot = settings.Images,
            Format = settings.Format,
            Copy = settings.Copy,
            DecodePixels = settings.DecodePixels,
            Strict = settings.Strict,
        };
        var importer = new Importer(settings.Directory(), time);
        var report = await console.Progress().Columns(ProgressBars.Columns()).StartAsync(async progress =>
        {
            var task = progress.AddTask($"Importing {Markup.Escape(Path.GetFileName(settings.File))}", maxValue: 1);
            return await importer.ImportAsync(db, options, new Progress<ImportProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.BytesTotal);
                task.Value = p.BytesRead;
                task.Description = $"Importing: {p.Records:N0} records, {p.Refused:N0} refused";
            }), cancellationToken);
        });

        if (settings.Report is not null)
            await AtomicFile.WriteAsync(settings.Report, async stream =>
            {
                await JsonSerializer.SerializeAsync(stream, report, CliJson.Options, cancellationToken);
                return 0;
            });
        Print(report, settings.Report);
        return report.Refused.Count == 0 ? 0 : SomeRefused;
    }

    private void Print(ImportReport report, string? reportFile)
    {
        var summary = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
        summary.AddRow("Dataset", Markup.Escape(report.Dataset));
        summary.AddRow("Format", report.Format);
        summary.AddRow("Records read", $"{report.Records:N0}");
        summary.AddRow("Imported", $"[green]{report.Imported:N0}[/] ({report.Items:N0} items, {report.Rounds:N0} rounds, {report.Images:N0} images)");
        summary.AddRow("Duplicates", $"{report.Duplicates.Count:N0}");
        summary.AddRow("Refused", report.Refused.Count == 0 ? "0" : $"[red]{report.Refused.Count:N0}[/]");
        summary.AddRow("Seconds", $"{report.ElapsedSeconds:0.0}");
        console.Write(summary);

        foreach (var duplicate in report.Duplicates.Take(ListedDuplicates))
            console.MarkupLineInterpolated($"[yellow]duplicate[/] record {duplicate.Index} (id {duplicate.Id ?? "-"}): same as {duplicate.DuplicateOf}; landed once");
        if (report.Duplicates.Count > ListedDuplicates)
            console.MarkupLineInterpolated($"... and {report.Duplicates.Count - ListedDuplicates:N0} more duplicates: {(reportFile is null ? "pass --report FILE to list them all" : $"see {reportFile}")}");
        foreach (var error in report.Refused)
            console.MarkupLineInterpolated($"[red]refused[/] {error.ToString()}");
        if (report.Refused.Count > 0)
            console.MarkupLineInterpolated($"{report.Refused.Count:N0} record(s) refused; the other {report.Imported:N0} landed (exit code {SomeRefused}).");
    }
}
