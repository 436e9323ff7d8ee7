namespace MMEvol.Core.Review;

/// <summary>Refused because someone changed the item first; nothing was written. Shows what the item is now.</summary>
public sealed record ReviewConflict(ItemState Current) : ReviewResult;
