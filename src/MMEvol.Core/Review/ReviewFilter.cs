using MMEvol.Core.Model;

namespace MMEvol.Core.Review;

/// <summary>
/// What the review list shows: one dataset's items narrowed by any of the filters, in one order.
/// Scores are effective scores (the reviewer's correction, else the judge's).
/// </summary>
public sealed record ReviewFilter(int DatasetId)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public int? Round { get; init; }
    public Direction? Direction { get; init; }
    public Decision? FinalDecision { get; init; }
    public ReviewState? ReviewState { get; init; }
    public double? MinScore { get; init; }
    public double? MaxScore { get; init; }

    /// <summary>
    /// Only the items of records that have a round which failed (Failed or JudgeFailed). Record
    /// level because a Failed round has no items of its own: its reason and raw response are seen
    /// in the record's lineage, reached through any of the record's items.
    /// </summary>
    public bool FailedRounds { get; init; }

    /// <summary>A substring of the question or the answer; case-insensitive for ASCII letters (SQLite LIKE).</summary>
    public string? Text { get; init; }

    public ReviewSort Sort { get; init; } = ReviewSort.ById;

    /// <summary>Rows per page, clamped to 1..<see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    internal int Take => Math.Clamp(PageSize, 1, MaxPageSize);

    internal bool HasScoreRange => MinScore is not null || MaxScore is not null;

    /// <summary>
    /// The text searched for, up to a NUL if it holds one: SQLite's LIKE stops reading a pattern there (the
    /// closing % included), so the rest could only turn "contains" into "ends with" on some paths.
    /// </summary>
    internal string? Substring
    {
        get
        {
            var text = Text is { } t && t.IndexOf('\0') is var nul and >= 0 ? t[..nul] : Text;
            return string.IsNullOrEmpty(text) ? null : text;
        }
    }
}
