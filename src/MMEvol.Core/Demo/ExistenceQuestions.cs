namespace MMEvol.Core.Demo;

/// <summary>
/// POPE's yes/no object questions: per sampling one present and one absent object, so every
/// sampling is balanced. Popular and adversarial draw among the top few candidates rather than
/// always the first, so a model cannot learn one fixed "no" object.
/// </summary>
internal sealed class ExistenceQuestions(LabelStatistics statistics)
{
    private const int TopCandidates = 3;

    public IEnumerable<BenchmarkItem> Write(Scene scene, string image, Random random)
    {
        var present = scene.Labels();
        var absent = ShapeVocabulary.AllLabels.Except(present).ToList();
        foreach (var sampling in PopeSamplings.All)
        {
            var yes = present[random.Next(present.Count)];
            var no = AbsentLabel(sampling, present, absent, random);
            yield return Item(image, sampling, yes, "yes");
            yield return Item(image, sampling, no, "no");
        }
    }

    private string AbsentLabel(string sampling, IReadOnlyList<string> present, List<string> absent, Random random)
    {
        var ranked = sampling switch
        {
            PopeSamplings.Random => absent,
            PopeSamplings.Popular => absent
                .OrderByDescending(statistics.Frequency)
                .ThenBy(l => l, StringComparer.Ordinal)
                .Take(TopCandidates)
                .ToList(),
            PopeSamplings.Adversarial => absent
                .OrderByDescending(l => statistics.CoOccurrence(present, l))
                .ThenBy(l => l, StringComparer.Ordinal)
                .Take(TopCandidates)
                .ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(sampling)),
        };
        return ranked[random.Next(ranked.Count)];
    }

    // POPE's own template.
    private static BenchmarkItem Item(string image, string sampling, string label, string answer) =>
        new("", image, BenchmarkCategories.Existence, sampling, $"Is there {EnglishText.WithArticle(label)} in the image?", answer, null);
}
