namespace MMEvol.Core.Model;

/// <summary>The way a round rewrote its parent list (METHOD.md, "The three evolution directions").</summary>
public enum Direction
{
    Seed,
    Perception,
    Reasoning,
    Interaction,
    /// <summary>An imported evolved round whose file did not say which direction produced it.</summary>
    Unknown,
}
