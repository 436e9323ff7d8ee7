using MMEvol.Core.Demo;
using MMEvol.Core.Elimination;
using MMEvol.Core.Elimination.Heuristic;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Elimination;

/// <summary>
/// A hand-placed Shapes scene for judge tests (y grows downward):
/// red circle top left (0.20, 0.20), area 0.04; green triangle at the top (0.50, 0.15), area 0.01;
/// blue square bottom right (0.75, 0.75), area 0.09; yellow triangle bottom left (0.15, 0.80), area 0.01.
/// </summary>
internal static class JudgeScenes
{
    public static readonly IReadOnlySet<string> KnownLabels = ShapeVocabulary.AllLabels.ToHashSet(StringComparer.Ordinal);

    public static readonly IReadOnlyList<Detection> Four =
    [
        Box("red circle", 0.20, 0.20, 0.20),
        Box("green triangle", 0.50, 0.15, 0.10),
        Box("blue square", 0.75, 0.75, 0.30),
        Box("yellow triangle", 0.15, 0.80, 0.10),
    ];

    /// <summary>A square box of the given side around a center.</summary>
    public static Detection Box(string label, double x, double y, double side) =>
        new(label, x - side / 2, y - side / 2, x + side / 2, y + side / 2);

    public static SceneIndex Scene(IReadOnlyList<Detection>? detections = null)
    {
        detections ??= Four;
        return new SceneIndex(detections, Vocabulary.For(KnownLabels, detections));
    }

    /// <summary>The claim checker's reason, or null when nothing is clearly wrong.</summary>
    public static string? Contradiction(string answer, string question = "Describe the image.", IReadOnlyList<Detection>? detections = null) =>
        ClaimChecker.Contradiction(new ItemText(SourceItem.Plain(question, answer)), Scene(detections));

    public static JudgeRequest Request(
        IReadOnlyList<SourceItem> items, IReadOnlyList<SourceItem>? parents = null, IReadOnlyList<Detection>? detections = null) =>
        new(1, parents ?? [], items, null, detections ?? Four, KnownLabels);

    public static Verdict JudgeOne(SourceItem item, SourceItem? parent = null, IReadOnlyList<Detection>? detections = null) =>
        Assert.Single(HeuristicJudge.Judge(Request([item], parent is null ? [] : [parent], detections)));

    public static SourceItem Item(
        string question, string answer, int steps = 0, IReadOnlyList<string>? objects = null, int skills = 0, string format = InstructionFormats.Norm) =>
        new(question, answer,
            Enumerable.Range(1, steps).Select(i => new Step($"Grounding_{i}(shape)->bbx_{i}", $"Locate shape {i}.")).ToList(),
            objects ?? [],
            new[] { "Grounding", "Calculating", "Relationship Description", "Existence" }.Take(skills).ToList(),
            format,
            ImagePosition.Single);
}
