namespace MMEvol.Core.Review;

/// <summary>
/// Where the next page starts: the sort key of the last row shown (its effective score, null for
/// an unscored row or in id order, and its id). Only valid with the filter that produced it.
/// </summary>
public sealed record ReviewCursor(double? Score, long Id);
