namespace MMEvol.Core.Model;

/// <summary>
/// One training of a model on a data snapshot. The snapshot's provenance (which selection, how many
/// items, a hash of their ids, the policy version and the overrides in force) is fixed when the run
/// starts, so every checkpoint traces back to exactly the data and decisions that made it.
/// </summary>
public sealed class TrainingRun
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public int? JobId { get; set; }
    public required string Name { get; set; }

    /// <summary>"probe" for the TorchSharp probe model, else the name of an external trainer profile.</summary>
    public required string Trainer { get; set; }

    public SnapshotKind Snapshot { get; set; }

    /// <summary>The review filter (JSON) of a <see cref="SnapshotKind.Filter"/> snapshot.</summary>
    public string? SnapshotFilter { get; set; }

    public int SnapshotItems { get; set; }

    /// <summary>SHA-256 (hex) of the snapshot's item ids in ascending order, 8 bytes little-endian each.</summary>
    public string SnapshotHash { get; set; } = "";

    public int PolicyVersion { get; set; }

    /// <summary>Reviewer overrides among the snapshot's items, and a hash of their (item id, decision) pairs.</summary>
    public int SnapshotOverrides { get; set; }
    public string OverridesHash { get; set; } = "";

    /// <summary>The trainer's settings (hyperparameters) as JSON.</summary>
    public required string Settings { get; set; }

    public TrainingStatus Status { get; set; }
    public int Step { get; set; }
    public int TargetSteps { get; set; }
    public double? Loss { get; set; }
    public double? SamplesPerSecond { get; set; }

    /// <summary>The benchmark outcome as JSON (accuracy per category, POPE per sampling), once evaluated.</summary>
    public string? Evaluation { get; set; }

    /// <summary>The run folder, relative to the data directory's runs folder.</summary>
    public string? RunFolder { get; set; }

    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public List<TrainingMetric> Metrics { get; set; } = [];
}

/// <summary>One point of a run's curve (<see cref="TrainingRun.Metrics"/>): its step and what was measured there.</summary>
public sealed class TrainingMetric
{
    public int RunId { get; set; }
    public long Step { get; set; }
    public double? Loss { get; set; }
    public double? LearningRate { get; set; }
    public double? Epoch { get; set; }
    public double? SamplesPerSecond { get; set; }
}

/// <summary>Which items a run trains on.</summary>
public enum SnapshotKind
{
    /// <summary>The seed items as imported: the baseline.</summary>
    Seed,
    /// <summary>DESIGN.md's Kept: the seed and every round's items whose final decision is Kept.</summary>
    Kept,
    /// <summary>Every item of every round, whatever the judge or a reviewer decided: evolution without elimination.</summary>
    All,
    /// <summary>The items a review filter matches.</summary>
    Filter,
}

public enum TrainingStatus
{
    Running,
    Completed,
    Cancelled,
    Failed,
}
