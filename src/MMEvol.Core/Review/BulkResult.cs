namespace MMEvol.Core.Review;

/// <summary>
/// What became of a bulk action: the items it changed (one audit entry each, sharing
/// <see cref="BulkId"/>), those it left as they were (already so, or changed by someone since,
/// for an undo), or why nothing was written at all.
/// </summary>
public sealed record BulkResult(Guid? BulkId, int Changed, int Unchanged, string? Refusal)
{
    public bool Saved => Refusal is null;

    public static BulkResult Refused(string reason) => new(null, 0, 0, reason);
}

/// <summary>One bulk action in a dataset's history, for the list a bulk undo starts from.</summary>
public sealed record BulkSummary(Guid BulkId, Model.ReviewAction Action, string User, DateTimeOffset At, int Items, string? Note);
