namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>How a noun phrase counts what it names.</summary>
internal enum PhraseQuantity
{
    /// <summary>"the red circle", "red circles": names things without saying how many.</summary>
    Definite,

    /// <summary>"a red circle", "any triangles": at least one, since "a" does not say "only one".</summary>
    AtLeastOne,

    /// <summary>"three triangles", "no stars", "1 circle".</summary>
    Exact,
}
