namespace MMEvol.Core.Review;

internal enum SegmentOrder
{
    Id,
    IdDescending,
    ScoreAscending,
    ScoreDescending,
}
