namespace MMEvol.Training.Probe;

/// <summary>Linear warmup to the peak rate, then a cosine decay to the minimum at the last step.</summary>
public static class LearningRateSchedule
{
    /// <param name="step">Zero-based optimizer step.</param>
    public static double At(int step, ProbeOptions options)
    {
        var warmup = options.WarmupSteps;
        if (step < warmup)
            return options.LearningRate * (step + 1) / warmup;
        var decaySteps = Math.Max(1, options.Steps - warmup);
        var progress = Math.Min(1.0, (double)(step - warmup) / decaySteps);
        return options.MinLearningRate + 0.5 * (options.LearningRate - options.MinLearningRate) * (1 + Math.Cos(Math.PI * progress));
    }
}
