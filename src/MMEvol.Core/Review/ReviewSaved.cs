namespace MMEvol.Core.Review;

/// <summary>Committed: the item's new state (its new version for the next action) and the audit entry written with it.</summary>
public sealed record ReviewSaved(ItemState State, long ReviewId) : ReviewResult;
