namespace MMEvol.Core.Model;

public enum Decision
{
    Kept,
    Eliminated,
}
