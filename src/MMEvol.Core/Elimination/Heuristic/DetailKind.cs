namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>The kinds of visual information an item can ask about (the paper's "visual information" criterion).</summary>
[Flags]
internal enum DetailKind
{
    None = 0,
    Count = 1,
    Color = 2,
    Position = 4,
    Size = 8,
    Distance = 16,
    Backdrop = 32,
}
