using MMEvol.Core.Elimination;
using MMEvol.Core.Model;

namespace MMEvol.Core.Thresholds;

/// <summary>
/// PolicyRule's keep condition over a packed item. It must agree with PolicyRule exactly (the
/// preview promises what Apply will do): PolicyEvaluatorTests compares the two item by item.
/// </summary>
public sealed class PolicyEvaluator(EliminationPolicy policy)
{
    private readonly bool _requireImproved = policy.RequireImproved;
    private readonly double? _minScore = policy.MinScore;
    private readonly double _minStepGain = policy.MinStepGain ?? double.MinValue;
    private readonly double _minSkillGain = policy.MinSkillGain ?? double.MinValue;
    private readonly double _minObjectGain = policy.MinObjectGain ?? double.MinValue;
    private readonly bool _groundedOnly = policy.GroundedOnly;
    private readonly bool _cheapChecks = policy.CheapChecks;

    public Decision Decide(in GovernedItem item) => Keeps(item) ? Decision.Kept : Decision.Eliminated;

    public Decision Final(in GovernedItem item) => item.Override ?? Decide(item);

    private bool Keeps(in GovernedItem i) =>
        (!_requireImproved || i.Improved != false)
        && (_minScore is not { } min || !i.HasScore || i.Score >= min)
        && i.StepGain >= _minStepGain
        && i.SkillGain >= _minSkillGain
        && i.ObjectGain >= _minObjectGain
        && (!_groundedOnly || i.Grounded != false)
        && (!_cheapChecks || !i.FailsCheapCheck);
}
