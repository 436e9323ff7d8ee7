using MMEvol.Core.Model;

namespace MMEvol.Core.Thresholds;

/// <summary>
/// What applying a proposed policy would do to a dataset, computed before anything is written:
/// kept counts now and then per round and direction, the distributions the gates cut, the items
/// whose final decision would flip, and the reviewers' overrides that disagree with the proposal
/// (they stay final either way).
/// </summary>
public sealed record ThresholdPreview(
    EliminationPolicy Current,
    EliminationPolicy Proposed,
    IReadOnlyList<GroupCounts> Groups,
    IReadOnlyList<RoundDistributions> Rounds,
    int FlipCount,
    IReadOnlyList<PreviewItem> Flips,
    int DisagreeingOverrideCount,
    IReadOnlyList<PreviewItem> DisagreeingOverrides)
{
    /// <summary>How many flips and disagreeing overrides a preview lists (their counts are always complete).</summary>
    public const int ListLimit = 100;

    public int Items => Groups.Sum(g => g.Items);
    public int KeptNow => Groups.Sum(g => g.KeptNow);
    public int KeptProposed => Groups.Sum(g => g.KeptProposed);
}

public sealed record GroupCounts(int Round, Direction Direction, int Items, int KeptNow, int KeptProposed);

/// <summary>One round's effective scores and gains, each histogram counting every governed item of the round.</summary>
public sealed record RoundDistributions(int Round, Histogram Score, Histogram StepGain, Histogram SkillGain, Histogram ObjectGain);

/// <summary>An item the preview names: its decision now and under the proposal.</summary>
public sealed record PreviewItem(long ItemId, int Round, Direction Direction, double? Score, Decision Now, Decision Proposed, Decision? Override);
