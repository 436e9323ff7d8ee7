using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MMEvol.Cli.Infrastructure;
using MMEvol.Core.Export;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Training.External;
using MMEvol.Training.Jobs;
using MMEvol.Training.Probe;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands;

public sealed class TrainCommand(IAnsiConsole console) : AsyncCommand<TrainCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--dataset <NAME>")]
        [Description("Dataset whose items train the model.")]
        public string Dataset { get; init; } = "";

        [CommandOption("--snapshot <KIND>")]
        [Description("seed (the seed items), kept (default: the seed and every round's kept items), all (every evolved item, no elimination) or filter (a review filter saved on the review page, named by --filter).")]
        [DefaultValue(SnapshotKind.Kept)]
        public SnapshotKind Snapshot { get; init; } = SnapshotKind.Kept;

        [CommandOption("--filter <NAME>")]
        [Description("With --snapshot filter: the name of a filter saved on the review page for this dataset.")]
        public string? Filter { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("A name for the run (default: the trainer and the snapshot).")]
        public string? Name { get; init; }

        [CommandOption("--steps <N>")]
        [Description("Optimizer steps (default 1000).")]
        public int? Steps { get; init; }

        [CommandOption("--batch-size <N>")]
        [Description("Samples per step (default 64).")]
        public int? BatchSize { get; init; }

        [CommandOption("--lr <RATE>")]
        [Description("Peak learning rate after warmup (default 0.001), decayed by a cosine.")]
        public double? LearningRate { get; init; }

        [CommandOption("--seed <S>")]
        [Description("Initialisation and data order (default 1): the same seed gives the same weights on a CPU.")]
        public int? Seed { get; init; }

        [CommandOption("--image-size <PX>")]
        [Description("Probe: images are downscaled to this square, a multiple of 8 from 16 to 128 (default 48).")]
        public int? ImageSize { get; init; }

        [CommandOption("--width <N>")]
        [Description("Probe: the transformer's width (default 128).")]
        public int? Width { get; init; }

        [CommandOption("--layers <N>")]
        [Description("Probe: transformer layers (default 3).")]
        public int? Layers { get; init; }

        [CommandOption("--max-text <N>")]
        [Description("Probe: question and answer tokens kept per sample (default 96).")]
        public int? MaxText { get; init; }

        [CommandOption("--benchmark <FILE>")]
        [Description("benchmark.json to score on (default: benchmark/benchmark.json beside the dataset's images, as the demo world has).")]
        public string? Benchmark { get; init; }

        [CommandOption("--command <TEMPLATE>")]
        [Description("Train with an external trainer instead of the probe: the command, with {data}, {data_dir}, {dataset}, {images} and {output} filled in (README, \"External trainers\").")]
        public string? Command { get; init; }

        [CommandOption("--cancel-command <TEMPLATE>")]
        [Description("External trainer: run on cancel, e.g. \"scancel {job}\"; without it the command's processes are killed.")]
        public string? CancelCommand { get; init; }

        [CommandOption("--log-file <TEMPLATE>")]
        [Description("External trainer: a file to follow beside its output, e.g. \"{output}/slurm-{job}.out\".")]
        public string? LogFile { get; init; }

        [CommandOption("--workdir <DIR>")]
        [Description("External trainer: where the command runs (default: the run's output folder).")]
        public string? WorkingDirectory { get; init; }

        [CommandOption("--export-format <FORMAT>")]
        [Description("External trainer: sharegpt (default, with LLaMA-Factory's dataset_info.json), llava or jsonl.")]
        [DefaultValue(ExportFormat.ShareGpt)]
        public ExportFormat ExportFormat { get; init; } = ExportFormat.ShareGpt;

        [CommandOption("--enqueue")]
        [Description("Only queue the job for a worker (`mmevol worker` or the web app).")]
        public bool Enqueue { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Dataset) ? ValidationResult.Error("--dataset is required")
            : Snapshot == SnapshotKind.Filter && string.IsNullOrWhiteSpace(Filter) ? ValidationResult.Error("--snapshot filter needs --filter NAME (a filter saved on the review page)")
            : Snapshot != SnapshotKind.Filter && Filter is not null ? ValidationResult.Error("--filter goes with --snapshot filter")
            : ValidationResult.Success();

        public ProbeOptions Probe()
        {
            var defaults = new ProbeOptions();
            return defaults with
            {
                Steps = Steps ?? defaults.Steps,
                BatchSize = BatchSize ?? defaults.BatchSize,
                LearningRate = LearningRate ?? defaults.LearningRate,
                Seed = Seed ?? defaults.Seed,
                ImageSize = ImageSize ?? defaults.ImageSize,
                Width = Width ?? defaults.Width,
                Layers = Layers ?? defaults.Layers,
                MaxTextTokens = MaxText ?? defaults.MaxTextTokens,
            };
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var db = await settings.OpenAsync(cancellationToken);
        var dataset = await DatasetLookup.ByNameAsync(db, settings.Dataset, cancellationToken);
        var external = settings.Command is null ? null : new TrainerProfile("external", settings.Command)
        {
            CancelTemplate = settings.CancelCommand,
            LogFile = settings.LogFile,
            WorkingDirectory = settings.WorkingDirectory is null ? null : Path.GetFullPath(settings.WorkingDirectory),
        };
        var train = new TrainSettings
        {
            DatasetId = dataset.Id,
            Name = settings.Name ?? (settings.Filter is null ? null : $"probe on filter {settings.Filter}"),
            Snapshot = settings.Snapshot,
            Filter = settings.Filter is null ? null : await SavedFilters.FindAsync(db, dataset.Id, settings.Filter, cancellationToken),
            Trainer = external?.Name ?? TrainSettings.ProbeTrainer,
            Probe = settings.Probe(),
            External = external,
            ExportFormat = settings.ExportFormat,
            BenchmarkFile = settings.Benchmark is null ? null : Path.GetFullPath(settings.Benchmark),
        };
        train.Validate();
        using var host = CliHost.Build(settings.Directory(), runWorker: false, LogLevel.Warning);
        var config = train.ToJson();
        var code = await ForegroundJob.RunAsync(console, host, JobKind.Train, dataset.Id, config, settings.Enqueue, cancellationToken);
        // The run of the job this command ran (or resumed): the newest Train job with these very settings.
        if (code == 0 && !settings.Enqueue && await db.TrainingRuns.AsNoTracking()
                .Where(r => db.Jobs.Any(j => j.Id == r.JobId && j.Kind == JobKind.Train && j.Config == config))
                .OrderByDescending(r => r.JobId).FirstOrDefaultAsync(cancellationToken) is { } run)
            TrainingTable.Write(console, run);
        return code;
    }
}
