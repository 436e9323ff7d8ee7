namespace MMEvol.Training.Probe;

/// <summary>One training or evaluation example of the probe model: an image file and a question with its answer.</summary>
public sealed record ProbeSample(string ImagePath, string Question, string Answer);
