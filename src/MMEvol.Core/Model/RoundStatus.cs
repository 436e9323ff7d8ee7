namespace MMEvol.Core.Model;

public enum RoundStatus
{
    Evolved,
    /// <summary>The rewrite itself failed (model error, unusable output); see the round's failure reason.</summary>
    Failed,
    /// <summary>The judge's answer was unusable: the round's items stay Eliminated until re-judged.</summary>
    JudgeFailed,
}
