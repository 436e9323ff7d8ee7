using MMEvol.Core.Model;

namespace MMEvol.Core.Review;

/// <summary>One line of the review list: enough to show and act on an item without loading its lineage.</summary>
public sealed record ReviewRow(
    long ItemId,
    int RecordId,
    string? RecordSourceId,
    int RoundNumber,
    Direction Direction,
    string Question,
    double? EffectiveScore,
    double? JudgeScore,
    Decision FinalDecision,
    ReviewState ReviewState,
    RoundStatus RoundStatus,
    bool HasImage,
    int Version);
