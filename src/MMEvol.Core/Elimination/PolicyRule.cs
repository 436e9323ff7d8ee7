using System.Linq.Expressions;
using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination;

/// <summary>
/// A policy as one expression: evaluated in memory for a fresh rewrite and translated to SQL to
/// re-decide a whole dataset, so that both always agree. The paper's rule (keep iff the judge said
/// improved) AND-ed with the gates; an item without evidence for a gate (no verdict, no score)
/// is not eliminated by it. Seed items and items of JudgeFailed rounds are not governed by it.
/// </summary>
public sealed class PolicyRule
{
    private readonly Func<Instruction, bool> _keeps;

    public PolicyRule(EliminationPolicy policy)
    {
        Policy = policy;
        Keeps = Build(policy);
        _keeps = Keeps.Compile();
    }

    public EliminationPolicy Policy { get; }

    public Expression<Func<Instruction, bool>> Keeps { get; }

    public Decision Decide(Instruction item) => _keeps(item) ? Decision.Kept : Decision.Eliminated;

    /// <summary><c>i =&gt; keeps(i) ? Kept : Eliminated</c>.</summary>
    public Expression<Func<Instruction, Decision>> AutomaticDecision() =>
        Expression.Lambda<Func<Instruction, Decision>>(
            Expression.Condition(Keeps.Body, Expression.Constant(Decision.Kept), Expression.Constant(Decision.Eliminated)),
            Keeps.Parameters);

    /// <summary><c>i =&gt; i.Override ?? (keeps(i) ? Kept : Eliminated)</c>: overrides always win.</summary>
    public Expression<Func<Instruction, Decision>> FinalDecision()
    {
        var automatic = AutomaticDecision();
        var item = automatic.Parameters[0];
        return Expression.Lambda<Func<Instruction, Decision>>(
            Expression.Coalesce(Expression.Property(item, nameof(Instruction.Override)), automatic.Body),
            item);
    }

    private static Expression<Func<Instruction, bool>> Build(EliminationPolicy p)
    {
        var requireImproved = p.RequireImproved;
        var minScore = p.MinScore;
        var minStepGain = p.MinStepGain ?? double.MinValue;
        var minSkillGain = p.MinSkillGain ?? double.MinValue;
        var minObjectGain = p.MinObjectGain ?? double.MinValue;
        var groundedOnly = p.GroundedOnly;
        var cheapChecks = p.CheapChecks;
        return i =>
            (!requireImproved || i.Improved != false)
            && (minScore == null || (i.ReviewerScore ?? i.JudgeScore) == null || (i.ReviewerScore ?? i.JudgeScore) >= minScore)
            && i.Metrics.StepGain >= minStepGain
            && i.Metrics.SkillGain >= minSkillGain
            && i.Metrics.ObjectGain >= minObjectGain
            && (!groundedOnly || i.Metrics.Grounded != false)
            && (!cheapChecks || i.CheapCheck == null);
    }
}
