namespace MMEvol.Core.Model;

public enum ReviewState
{
    Unreviewed,
    /// <summary>A reviewer agreed with the automatic decision.</summary>
    Confirmed,
    /// <summary>A reviewer replaced the automatic decision with their own.</summary>
    Overridden,
}
