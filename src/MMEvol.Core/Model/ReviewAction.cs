namespace MMEvol.Core.Model;

public enum ReviewAction
{
    Confirm,
    Keep,
    Eliminate,
    Clear,
    CorrectScore,
    PolicyChange,
    Undo,
}
