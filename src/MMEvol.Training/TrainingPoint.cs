namespace MMEvol.Training;

/// <summary>
/// One point of a training curve, whichever trainer produced it (the probe model here, or an external
/// trainer's log): the optimizer step and what was measured at it. Missing values stay null.
/// </summary>
public sealed record TrainingPoint(long Step, double? Loss, double? LearningRate, double? Epoch = null, double? SamplesPerSecond = null);
