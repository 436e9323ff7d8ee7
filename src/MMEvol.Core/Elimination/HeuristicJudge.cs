using MMEvol.Core.Elimination.Heuristic;
using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination;

/// <summary>
/// A deterministic judge that needs no model: WizardLM's cheap checks, the paper's criteria (length,
/// steps, skills, objects, visual detail, format, visual independence) as a 0-10 score, and, where the
/// record has detections, grounding and a claim checker that reads the answer against the boxes
/// (see <see cref="ClaimChecker"/> for the claims it understands). An item improves when it passes
/// every check and scores above its parent by the same scale, or changes format with content as rich.
/// </summary>
public sealed class HeuristicJudge : IJudge
{
    public const string JudgeName = "heuristic";

    public string Name => JudgeName;

    public Task<JudgeResponse> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var verdicts = Judge(request);
        return Task.FromResult(new JudgeResponse(VerdictJson.Render(verdicts), JudgeName, 0, verdicts));
    }

    /// <summary>One verdict per item of the request, in order.</summary>
    public static IReadOnlyList<Verdict> Judge(JudgeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var assessor = new RewriteAssessor(request, JudgeName);
        return Enumerable.Range(0, request.Items.Count).Select(assessor.Assess).ToList();
    }
}
