namespace MMEvol.Training.External;

/// <summary>Timings of an external trainer run; the defaults suit a real trainer, tests shorten them.</summary>
public sealed record ExternalTrainerOptions
{
    /// <summary>How often the output folder is searched for trainer_log.jsonl and followed files are read.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest a cancel command (scancel) may run before it is killed.</summary>
    public TimeSpan CancelTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the trainer may take to stop after its cancel command before its processes are killed.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for the last output once the processes are gone.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
