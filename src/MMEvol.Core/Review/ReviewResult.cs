namespace MMEvol.Core.Review;

/// <summary>What became of a review action: <see cref="ReviewSaved"/>, <see cref="ReviewConflict"/> or <see cref="ReviewRefused"/>.</summary>
public abstract record ReviewResult
{
    private protected ReviewResult()
    {
    }
}
