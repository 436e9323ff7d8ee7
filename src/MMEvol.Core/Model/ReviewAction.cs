namespace MMEvol.Core.Model;

public enum ReviewAction
{
    Confirm,
    Keep,
    Eliminate,
    Clear,
    CorrectScore,
    PolicyChange,
    /// <summary>A judge job judged rounds again (one entry per job).</summary>
    Rejudge,
    Undo,
}
