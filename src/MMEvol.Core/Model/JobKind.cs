namespace MMEvol.Core.Model;

public enum JobKind
{
    Import,
    Evolve,
    Judge,
    Train,
    Export,
}
