using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination;

/// <summary>
/// Makes a policy the dataset's current one: a new version, every automatic decision of the
/// evolved rounds re-decided in one UPDATE (overrides untouched: they stay final), and an audit
/// entry with the policy before and after, all in one transaction.
/// </summary>
public static class PolicyApplier
{
    // Ids per UPDATE: each is a bound parameter, and SQLite takes at most 32,766 of them.
    private const int RedecideBatch = 5000;

    public static async Task<EliminationPolicy> CurrentAsync(WorkbenchDb db, int datasetId, CancellationToken cancellationToken = default) =>
        await db.Policies.AsNoTracking().Where(p => p.DatasetId == datasetId).OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken)
        ?? new EliminationPolicy { DatasetId = datasetId, Version = 0, CreatedBy = "default" };

    public static async Task<EliminationPolicy> ApplyAsync(WorkbenchDb db, int datasetId, EliminationPolicy proposed, string user, TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var policy = await RecordAsync(db, datasetId, proposed, user, time, cancellationToken);
        await RedecideAsync(db, datasetId, policy, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return policy;
    }

    /// <summary>The new version, its audit entry and the dataset's pointer to it; the caller's transaction re-decides the items.</summary>
    public static async Task<EliminationPolicy> RecordAsync(WorkbenchDb db, int datasetId, EliminationPolicy proposed, string user, TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        var before = await CurrentAsync(db, datasetId, cancellationToken);
        var policy = new EliminationPolicy
        {
            DatasetId = datasetId,
            Version = before.Version + 1,
            RequireImproved = proposed.RequireImproved,
            MinScore = proposed.MinScore,
            MinStepGain = proposed.MinStepGain,
            MinSkillGain = proposed.MinSkillGain,
            MinObjectGain = proposed.MinObjectGain,
            GroundedOnly = proposed.GroundedOnly,
            CheapChecks = proposed.CheapChecks,
            CreatedBy = user,
            CreatedAt = time.GetUtcNow(),
            Note = proposed.Note,
        };
        db.Policies.Add(policy);
        db.Reviews.Add(new Model.Review
        {
            DatasetId = datasetId,
            Action = ReviewAction.PolicyChange,
            User = user,
            At = policy.CreatedAt,
            Before = Describe(before),
            After = Describe(policy),
            Note = proposed.Note,
        });
        await db.Datasets.Where(d => d.Id == datasetId).ExecuteUpdateAsync(s => s.SetProperty(d => d.PolicyVersion, policy.Version), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return policy;
    }

    /// <summary>
    /// Re-decides every judged item of the dataset's evolved rounds under the policy. Only items
    /// whose automatic decision changes are written (and stamped with the policy's version): a
    /// row rewritten to the same decision still rewrites its page and every index holding its
    /// decision, for nothing.
    /// </summary>
    public static Task<int> RedecideAsync(WorkbenchDb db, int datasetId, EliminationPolicy policy, CancellationToken cancellationToken = default)
    {
        var rule = new PolicyRule(policy);
        var version = policy.Version;
        var automatic = rule.AutomaticDecision();
        var item = automatic.Parameters[0];
        var changes = Expression.Lambda<Func<Instruction, bool>>(
            Expression.NotEqual(automatic.Body, Expression.Property(item, nameof(Instruction.AutoDecision))), item);
        return Governed(db, datasetId).Where(changes).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.AutoDecision, rule.AutomaticDecision())
            .SetProperty(i => i.FinalDecision, rule.FinalDecision())
            .SetProperty(i => i.PolicyVersion, version)
            .SetProperty(i => i.Version, i => i.Version + 1), cancellationToken);
    }

    /// <summary>
    /// Sets the automatic decision of the given items, whose new decision the caller computed (the
    /// threshold preview's snapshot, read under the same write lock): primary-key seeks instead of a
    /// scan of every governed row.
    /// </summary>
    public static async Task<int> RedecideAsync(WorkbenchDb db, IReadOnlyCollection<long> ids, Decision decision, int policyVersion,
        CancellationToken cancellationToken = default)
    {
        var written = 0;
        foreach (var batch in ids.Order().Chunk(RedecideBatch))
        {
            written += await db.Instructions.Where(i => batch.Contains(i.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.AutoDecision, decision)
                .SetProperty(i => i.FinalDecision, i => i.Override ?? decision)
                .SetProperty(i => i.PolicyVersion, policyVersion)
                .SetProperty(i => i.Version, i => i.Version + 1), cancellationToken);
        }
        return written;
    }

    /// <summary>The items a policy decides: evolved rounds whose judge answered.</summary>
    public static IQueryable<Instruction> Governed(WorkbenchDb db, int datasetId) =>
        db.Instructions.Where(i => i.DatasetId == datasetId && i.RoundNumber > 0 && i.Round!.Status != RoundStatus.JudgeFailed);

    public static string Describe(EliminationPolicy p) => JsonSerializer.Serialize(new
    {
        version = p.Version,
        require_improved = p.RequireImproved,
        min_score = p.MinScore,
        min_step_gain = p.MinStepGain,
        min_skill_gain = p.MinSkillGain,
        min_object_gain = p.MinObjectGain,
        grounded_only = p.GroundedOnly,
        cheap_checks = p.CheapChecks,
    });
}
