namespace MMEvol.Training;

/// <summary>
/// One point of a training curve, whichever trainer produced it (the probe model here, or an external
/// trainer's log): the optimizer step and what was measured at it. Missing values stay null; an
/// external trainer's log may also state how many steps the run will take.
/// </summary>
public sealed record TrainingPoint(long Step, double? Loss, double? LearningRate, double? Epoch = null, double? SamplesPerSecond = null,
    long? TotalSteps = null);
