namespace MMEvol.Core.Elimination;

/// <summary>Compares a rewritten list with its parent list and says, per item, whether it improved.</summary>
public interface IJudge
{
    string Name { get; }

    Task<JudgeResponse> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken);
}
