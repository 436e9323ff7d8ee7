namespace MMEvol.Training.External;

/// <summary>How an external trainer run ended, with its loss series in step order.</summary>
/// <param name="ExitCode">The command's exit code; after a cancel, usually that of a killed process (137).</param>
/// <param name="SchedulerJobId">The job id captured from the command's output (Slurm), if any.</param>
public sealed record ExternalTrainerOutcome(int ExitCode, bool Cancelled, IReadOnlyList<TrainingPoint> Points, string? SchedulerJobId)
{
    public bool Succeeded => !Cancelled && ExitCode == 0;
}
