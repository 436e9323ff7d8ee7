using MMEvol.Core.Model;

namespace MMEvol.Core.Statistics;

/// <summary>
/// One round and direction of a dataset: how many records it rewrote, how many items it made
/// and kept, what the judge thought of them, and how rich the kept items are (the paper's
/// measures: reasoning steps, atomic skills and objects per item).
/// </summary>
public sealed record RoundStats(
    int Round,
    Direction Direction,
    int Records,
    int FailedRounds,
    int JudgeFailedRounds,
    int Items,
    int Kept,
    int Judged,
    int Improved,
    double? MeanScore,
    double? StepsPerKeptItem,
    double? SkillsPerKeptItem,
    double? ObjectsPerKeptItem)
{
    public double KeptShare => Items == 0 ? 0 : (double)Kept / Items;

    /// <summary>The share of judged items the judge called improved (the paper: about 72%, 87%, 92% in rounds 1-3).</summary>
    public double? ImprovedShare => Judged == 0 ? null : (double)Improved / Judged;
}
