namespace MMEvol.Core.Demo;

/// <summary>
/// How often each label appears in the training scenes, and how often two labels appear in the
/// same scene: what POPE's popular and adversarial samplings rank absent objects by.
/// </summary>
internal sealed class LabelStatistics
{
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), int> _pairs = [];

    public static LabelStatistics FromScenes(IEnumerable<Scene> scenes)
    {
        var statistics = new LabelStatistics();
        foreach (var scene in scenes)
        {
            var labels = scene.Labels();
            foreach (var label in labels)
            {
                statistics._frequency[label] = statistics.Frequency(label) + 1;
                foreach (var other in labels.Where(l => l != label))
                {
                    statistics._pairs[(label, other)] = statistics.CoOccurrence(label, other) + 1;
                }
            }
        }

        return statistics;
    }

    /// <summary>The number of training scenes that hold <paramref name="label"/>.</summary>
    public int Frequency(string label) => _frequency.GetValueOrDefault(label);

    /// <summary>The number of training scenes that hold both labels.</summary>
    public int CoOccurrence(string a, string b) => _pairs.GetValueOrDefault((a, b));

    /// <summary>How strongly <paramref name="candidate"/> co-occurs with a scene's labels (sum over them).</summary>
    public int CoOccurrence(IEnumerable<string> labels, string candidate) =>
        labels.Sum(l => CoOccurrence(l, candidate));
}
