namespace MMEvol.Core.Export;

/// <summary>Which items an export carries (DESIGN.md, "Kept").</summary>
public enum ItemSelection
{
    /// <summary>Every round's items whose final decision is Kept: the union the paper trained on.</summary>
    Kept,
    /// <summary>Every item, whatever its decision (MMEvol records then carry verdicts and decisions).</summary>
    All,
    /// <summary>The seed list as imported, the baseline the paper compared against.</summary>
    Seed,
}
