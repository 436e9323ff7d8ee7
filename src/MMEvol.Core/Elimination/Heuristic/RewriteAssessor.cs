using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// Judges the items of one request: cheap checks, visual independence, grounding and claims against
/// the detections (when there are any), then the score against the parent's score by the same scale.
/// </summary>
internal sealed class RewriteAssessor
{
    private readonly JudgeRequest _request;
    private readonly string _judge;
    private readonly Vocabulary _vocabulary;
    private readonly SceneIndex? _scene;
    private readonly ItemProfile[] _parentProfiles;
    private readonly double[] _parentScores;

    public RewriteAssessor(JudgeRequest request, string judge)
    {
        _request = request;
        _judge = judge;
        _vocabulary = Vocabulary.For(request.KnownLabels, request.Detections);
        _scene = request.Detections.Count > 0 ? new SceneIndex(request.Detections, _vocabulary) : null;
        _parentProfiles = request.Parents.Select(p => ItemProfile.Of(new ItemText(p), _vocabulary)).ToArray();
        _parentScores = _parentProfiles.Select(ItemScorer.Score).ToArray();
    }

    public Verdict Assess(int index)
    {
        var item = _request.Items[index];
        var parent = index < _request.Parents.Count ? _request.Parents[index] : null;
        if (CheapFailure(item, parent) is { } check)
        {
            return Verdict(false, 0, $"fails the cheap check {check}");
        }

        var text = new ItemText(item);
        var profile = ItemProfile.Of(text, _vocabulary);
        if (!profile.Visual)
        {
            return Verdict(false, 0, "answerable without the image: names nothing visual");
        }

        if (_scene is not null && (Grounding.Hallucination(text, _scene) ?? ClaimChecker.Contradiction(text, _scene)) is { } wrong)
        {
            return Verdict(false, ItemScorer.Wrong, wrong);
        }

        var score = ItemScorer.Score(profile);
        if (_parentScores.Length == 0)
        {
            return Verdict(true, score, $"scored on its own: {ItemScorer.Summary(profile)}");
        }

        var against = parent is null ? Math.Round(_parentScores.Average(), 1, MidpointRounding.AwayFromZero) : _parentScores[index];
        var what = parent is null ? "its parent list's mean" : "its parent";
        var (s, p) = (ItemScorer.Format(score), ItemScorer.Format(against));
        if (score > against)
        {
            return Verdict(true, score, $"richer than {what} ({s} vs {p}): {ItemScorer.Summary(profile)}");
        }

        // Format variation is one of the paper's criteria: a new format at about the parent's richness improves the set.
        if (parent is not null && score >= against - FormatTolerance && !string.Equals(parent.Format, item.Format, StringComparison.OrdinalIgnoreCase))
        {
            return Verdict(true, score, $"changes the format to {item.Format} with content about as rich ({s} vs {p})");
        }

        // In-breadth evolution (METHOD.md, fine-grained perception) asks for new, overlooked objects at a
        // similar difficulty, not a harder item: new objects at a score close to the parent's are an improvement.
        if (parent is not null && score >= against - BreadthTolerance
            && profile.ObjectNames.Except(_parentProfiles[index].ObjectNames).ToList() is { Count: > 0 } added)
        {
            return Verdict(true, score, $"covers new objects ({string.Join(", ", added)}) at a similar difficulty ({s} vs {p})");
        }

        return Verdict(false, score, $"no richer than {what} ({s} vs {p})");
    }

    /// <summary>How much simpler than its parent an item covering new objects may be and still count as similar difficulty.</summary>
    private const double BreadthTolerance = 1.5;

    /// <summary>The same for an item that changes the instruction format.</summary>
    private const double FormatTolerance = 1.0;

    // An item with no parent of its own must still add something over every item of the parent list.
    private string? CheapFailure(SourceItem item, SourceItem? parent)
    {
        if (parent is not null || _request.Parents.Count == 0)
        {
            return CheapChecks.Failure(item, parent);
        }

        return _request.Parents.Select(p => CheapChecks.Failure(item, p)).FirstOrDefault(f => f == CheapChecks.NoNewInformation)
            ?? CheapChecks.Failure(item, null);
    }

    private Verdict Verdict(bool improved, double score, string reason) => new(improved, score, reason, _judge);
}
