using System.Text.Json;
using System.Text.Json.Serialization;
using MMEvol.Core;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Core.Export;
using MMEvol.Training.External;
using MMEvol.Training.Probe;

namespace MMEvol.Training.Jobs;

/// <summary>A Train job's configuration: which data, which trainer, its settings, and the benchmark it is scored on.</summary>
public sealed record TrainSettings
{
    /// <summary>The trainer name of the TorchSharp probe model; any other name is an external trainer profile.</summary>
    public const string ProbeTrainer = "probe";

    public required int DatasetId { get; init; }
    public string? Name { get; init; }
    public SnapshotKind Snapshot { get; init; } = SnapshotKind.Kept;
    public ReviewFilter? Filter { get; init; }
    public string Trainer { get; init; } = ProbeTrainer;
    public ProbeOptions Probe { get; init; } = new();

    /// <summary>The external trainer's profile, copied into the job so that a resumed job runs what it started with; null for the probe.</summary>
    public TrainerProfile? External { get; init; }

    /// <summary>How an external trainer gets the snapshot: ShareGPT with a LLaMA-Factory dataset_info.json, or LLaVA.</summary>
    public ExportFormat ExportFormat { get; init; } = ExportFormat.ShareGpt;

    /// <summary>The benchmark.json to score on; by default benchmark/benchmark.json beside the dataset's image folder, when present.</summary>
    public string? BenchmarkFile { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TrainSettings FromJson(string json) =>
        JsonSerializer.Deserialize<TrainSettings>(json, Json) ?? throw new WorkbenchException("The training job's settings are empty.");

    public void Validate()
    {
        if (Snapshot == SnapshotKind.Filter && Filter is null)
            throw new WorkbenchException("A filter snapshot needs a review filter.");
        if (string.IsNullOrWhiteSpace(Trainer))
            throw new WorkbenchException("Name a trainer: \"probe\" or an external trainer profile.");
        if (Trainer == ProbeTrainer)
        {
            if (External is not null)
                throw new WorkbenchException("The probe takes no external trainer profile.");
            try
            {
                Probe.Validate();
            }
            catch (ArgumentException e)
            {
                throw new WorkbenchException(e.Message);
            }
            return;
        }
        if (External is null || External.Name != Trainer)
            throw new WorkbenchException($"The trainer \"{Trainer}\" needs its profile (a command template) in the job's settings.");
        if (External.Validate() is { Count: > 0 } problems)
            throw new WorkbenchException($"Trainer profile {External.Name}: " + string.Join("; ", problems));
        if (Snapshot == SnapshotKind.Filter)
            throw new WorkbenchException("An external trainer is given an export, which selects seed, kept or all items; a filter snapshot trains the probe only.");
        if (ExportFormat is not (ExportFormat.ShareGpt or ExportFormat.Llava or ExportFormat.Jsonl))
            throw new WorkbenchException($"An external trainer reads ShareGPT, LLaVA or JSON Lines exports, not {ExportFormat}.");
        // Refused now rather than once the snapshot is exported: only a ShareGPT export writes the dataset_info.json entry {dataset} names.
        if (ExportFormat != ExportFormat.ShareGpt && new[] { External.CommandTemplate, External.CancelTemplate, External.LogFile }.Any(t => ShellTemplate.Uses(t, "dataset")))
            throw new WorkbenchException($"Trainer profile {External.Name} uses {{dataset}}, the entry of LLaMA-Factory's dataset_info.json, which only a ShareGPT export writes: export as ShareGPT.");
    }

    /// <summary>The benchmark file to use, or null when none is named and none sits beside the images.</summary>
    public string? ResolveBenchmark(Dataset dataset)
    {
        if (BenchmarkFile is not null)
            return File.Exists(BenchmarkFile) ? BenchmarkFile : throw new WorkbenchException($"The benchmark file {BenchmarkFile} does not exist.");
        if (dataset.ImageRoot is null)
            return null;
        var beside = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(dataset.ImageRoot)) ?? dataset.ImageRoot, "benchmark", "benchmark.json");
        return File.Exists(beside) ? beside : null;
    }
}
