using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination;

/// <summary>
/// One rewrite to judge (METHOD.md, "Instruction elimination"): the rewritten items beside the
/// immediate parent list (item i rewrites parent i where the lists line up). With no parents, the
/// items are scored on their own, as the paper scored the seed. A model judge reads the text only;
/// the heuristic judge also checks claims against the detections.
/// </summary>
/// <param name="KnownLabels">Every detection label of the dataset: a known label this record lacks is a hallucination.</param>
public sealed record JudgeRequest(
    int Round,
    IReadOnlyList<SourceItem> Parents,
    IReadOnlyList<SourceItem> Items,
    string? Caption,
    IReadOnlyList<Detection> Detections,
    IReadOnlySet<string> KnownLabels);
