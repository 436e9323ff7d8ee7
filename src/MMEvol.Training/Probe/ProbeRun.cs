namespace MMEvol.Training.Probe;

/// <summary>How a probe training ended: the steps done of those asked for, and what they cost.</summary>
public sealed record ProbeRun(int Steps, int TargetSteps, bool Cancelled, double LastLoss, TimeSpan Elapsed, double SamplesPerSecond, string RunDirectory)
{
    public bool Complete => Steps >= TargetSteps;
}
