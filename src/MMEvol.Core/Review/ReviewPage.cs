namespace MMEvol.Core.Review;

/// <summary>A page of the review list; pass <see cref="Next"/> back to get the following one.</summary>
public sealed record ReviewPage(IReadOnlyList<ReviewRow> Rows, ReviewCursor? Next, bool HasMore);
