namespace MMEvol.Training.External;

/// <summary>A parsed point and whether its step was read from the log (exact) or counted from earlier lines.</summary>
internal sealed record ParsedPoint(TrainingPoint Point, bool ExactStep);
