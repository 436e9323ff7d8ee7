namespace MMEvol.Core.Review;

/// <summary>Refused for a reason other than a conflict (the item is gone, the entry cannot be undone); nothing was written.</summary>
public sealed record ReviewRefused(string Reason) : ReviewResult;
