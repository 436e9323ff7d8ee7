using System.Globalization;

namespace MMEvol.Core.Demo;

/// <summary>
/// Writes the held-out questions of one benchmark scene: six POPE existence questions (one yes
/// and one no per sampling), one counting and one multiple-choice question, and a color,
/// position and comparison question where the scene allows an unambiguous one.
/// </summary>
internal sealed class BenchmarkBuilder(LabelStatistics trainingStatistics)
{
    private readonly ExistenceQuestions _existence = new(trainingStatistics);

    public IReadOnlyList<BenchmarkItem> Build(Scene scene, string imageId, string imageFile, Random random)
    {
        var items = new List<BenchmarkItem?>();
        items.AddRange(_existence.Write(scene, imageFile, random));
        items.Add(GroundedQuestions.Counting(scene, imageFile, random));
        items.Add(GroundedQuestions.Color(scene, imageFile, random));
        items.Add(GroundedQuestions.Position(scene, imageFile, random));
        items.Add(ComparisonQuestions.Write(scene, imageFile, random));
        items.Add(ChoiceQuestions.Write(scene, imageFile, random));
        return items
            .OfType<BenchmarkItem>()
            .Select((item, i) => item with { Id = string.Create(CultureInfo.InvariantCulture, $"{imageId}_q{i + 1:D2}") })
            .ToList();
    }
}
