namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>A noun of the vocabulary in singular form, and whether the text used its plural.</summary>
internal sealed record NounForm(string Singular, bool Plural);
