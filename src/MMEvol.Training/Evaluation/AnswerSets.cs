using MMEvol.Core.Demo;

namespace MMEvol.Training.Evaluation;

/// <summary>
/// The closed answer types of the Shapes benchmark: yes/no, the two sides, top/bottom, every color,
/// small counts, choice letters. A question whose answer is of one of these types is scored by the
/// most likely member of the whole type (never by the gold answer itself); any other answer is
/// free-form and decoded greedily.
/// </summary>
public static class AnswerSets
{
    public static IReadOnlyList<string> YesNo { get; } = ["yes", "no"];
    public static IReadOnlyList<string> Sides { get; } = ["left", "right"];
    public static IReadOnlyList<string> Heights { get; } = ["top", "bottom"];
    public static IReadOnlyList<string> Colors { get; } = ShapeVocabulary.Colors.Select(ShapeVocabulary.Word).ToList();
    public static IReadOnlyList<string> Counts { get; } = Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <returns>The allowed answers of the item's type, or null for a free-form answer.</returns>
    public static IReadOnlyList<string>? For(BenchmarkItem item)
    {
        if (item.Choices is { Count: > 0 } choices)
            return Enumerable.Range(0, choices.Count).Select(BenchmarkItem.Letter).ToList();
        var answer = item.Answer.Trim().ToLowerInvariant();
        foreach (var set in (IReadOnlyList<string>[])[YesNo, Sides, Heights, Colors, Counts])
        {
            if (set.Contains(answer))
                return set;
        }
        return null;
    }
}
