namespace MMEvol.Core.Review;

public enum ReviewSort
{
    ById,
    /// <summary>Highest effective score first (ties newest first); items without a score follow, oldest first.</summary>
    ByScoreDescending,
    /// <summary>Lowest effective score first (ties oldest first); items without a score follow, oldest first.</summary>
    ByScoreAscending,
}
