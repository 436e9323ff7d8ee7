using MMEvol.Core.Training;

namespace MMEvol.Training.Probe;

/// <summary>One training or evaluation example of the probe model: an image file and a question with its answer.</summary>
public sealed record ProbeSample(string ImagePath, string Question, string Answer)
{
    /// <summary>A snapshot's items that have an image: the probe cannot train on text-only records.</summary>
    public static List<ProbeSample> From(IEnumerable<SnapshotItem> items) =>
        items.Where(i => i.ImagePath is not null).Select(i => new ProbeSample(i.ImagePath!, i.Question, i.Answer)).ToList();
}
