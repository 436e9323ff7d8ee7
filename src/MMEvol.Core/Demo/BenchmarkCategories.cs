namespace MMEvol.Core.Demo;

/// <summary>The benchmark's question categories, as written in benchmark.json.</summary>
public static class BenchmarkCategories
{
    /// <summary>POPE-style yes/no: is an object in the picture? (hallucination).</summary>
    public const string Existence = "existence";
    public const string Counting = "counting";
    public const string Color = "color";
    public const string Position = "position";
    /// <summary>Two groundings and a comparison (size, place, color, count).</summary>
    public const string Comparison = "comparison";
    /// <summary>Four options; the answer is a letter A-D.</summary>
    public const string MultipleChoice = "multiple_choice";

    public static IReadOnlyList<string> All { get; } = [Existence, Counting, Color, Position, Comparison, MultipleChoice];
}
