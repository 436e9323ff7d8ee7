namespace MMEvol.Core.Model;

/// <summary>
/// How automatic decisions are made for one dataset, versioned: the paper's rule (keep an item
/// iff the judge says it improved) AND-ed with optional gates.
/// </summary>
public sealed class EliminationPolicy
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public int Version { get; set; }

    /// <summary>The paper's rule (METHOD.md, "Instruction elimination"); off only to study its effect.</summary>
    public bool RequireImproved { get; set; } = true;
    public double? MinScore { get; set; }
    public double? MinStepGain { get; set; }
    public double? MinSkillGain { get; set; }
    public double? MinObjectGain { get; set; }
    public bool GroundedOnly { get; set; }

    /// <summary>WizardLM's cheap failure checks (apologies, template echo, stop words only).</summary>
    public bool CheapChecks { get; set; } = true;

    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? Note { get; set; }
}
