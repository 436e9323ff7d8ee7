namespace MMEvol.Benchmarks.Review;

/// <summary>What the generator wrote, printed once so the spread the figures were measured on is on record.</summary>
internal sealed class ReviewStoreCounts
{
    public int Records { get; set; }
    public int Rounds { get; set; }
    public int FailedRounds { get; set; }
    public long Items { get; set; }
    public long Unscored { get; set; }
    public long Reviewed { get; set; }
    public long Eliminated { get; set; }

    public override string ToString() =>
        $"{Records:N0} records, {Rounds:N0} rounds ({FailedRounds:N0} failed), {Items:N0} items " +
        $"({Unscored:N0} unscored, {Eliminated:N0} eliminated, {Reviewed:N0} reviewed)";
}
