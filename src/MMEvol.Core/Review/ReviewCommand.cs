using MMEvol.Core.Model;

namespace MMEvol.Core.Review;

/// <summary>What a reviewer does to one item: confirm the automatic decision, override it, clear their review, or correct the judge's score.</summary>
public sealed record ReviewCommand
{
    private ReviewCommand(ReviewAction action, double? score)
    {
        Action = action;
        Score = score;
    }

    public ReviewAction Action { get; }

    /// <summary>The corrected score of <see cref="ReviewAction.CorrectScore"/>; null removes a correction.</summary>
    public double? Score { get; }

    public static ReviewCommand Confirm { get; } = new(ReviewAction.Confirm, null);
    public static ReviewCommand Keep { get; } = new(ReviewAction.Keep, null);
    public static ReviewCommand Eliminate { get; } = new(ReviewAction.Eliminate, null);
    public static ReviewCommand Clear { get; } = new(ReviewAction.Clear, null);

    public static ReviewCommand CorrectScore(double? score) =>
        score is null || double.IsFinite(score.Value) && score is >= 0 and <= 10
            ? new(ReviewAction.CorrectScore, score)
            : throw new ArgumentOutOfRangeException(nameof(score), score, "A score lies between 0 and 10.");
}
