using Microsoft.EntityFrameworkCore;
using MMEvol.Core;
using MMEvol.Core.Data;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Web.Components.Pages.Evolution;

/// <summary>
/// What the Evolution page asks of the store: estimates, launches (the CLI's rules: the same work
/// resumes its unfinished job rather than queueing a second one), follow-up jobs, and spending.
/// </summary>
public sealed class EvolutionJobs(IDbContextFactory<WorkbenchDb> factory, DataDirectory data, JobQueue queue)
{
    public sealed record Spend(int Rounds, int Failed, int JudgeFailed, long PromptTokens, long CompletionTokens, double Cost);

    public async Task<EvolutionEstimate> EstimateAsync(int datasetId, EvolveSettings settings, CancellationToken cancellationToken = default)
    {
        settings.Validate();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await EvolutionEstimate.ComputeAsync(db, data, datasetId, settings, cancellationToken);
    }

    /// <exception cref="WorkbenchException">The settings are invalid, or the same work is running now.</exception>
    public async Task<Job> LaunchAsync(int datasetId, EvolveSettings settings, double? maxCost, string user, CancellationToken cancellationToken = default)
    {
        settings.Validate();
        if (maxCost is < 0)
            throw new WorkbenchException("The spend cap cannot be negative.");
        var config = settings.ToJson();
        var job = await queue.FindResumableAsync(JobKind.Evolve, datasetId, stored => EvolveSettings.SameWork(stored, config), cancellationToken);
        if (job is null)
            job = await queue.EnqueueAsync(JobKind.Evolve, datasetId, config, user, cancellationToken);
        else
        {
            await queue.UpdateConfigAsync(job.Id, config, cancellationToken);
            if (job.State is JobState.Failed or JobState.Cancelled)
                await queue.ResumeAsync(job.Id, cancellationToken);
        }
        await queue.SetCostLimitAsync(job.Id, maxCost, cancellationToken);
        return job;
    }

    /// <summary>The same work again with failed rounds evolved anew (a new job: the finished one's work is done).</summary>
    public Task<Job> RetryFailedAsync(Job evolve, string user, CancellationToken cancellationToken = default) =>
        LaunchAsync(evolve.DatasetId!.Value, EvolveSettings.FromJson(evolve.Config) with { RetryFailed = true }, evolve.CostLimit, user, cancellationToken);

    /// <summary>Judges the dataset's evolved rounds again with the evolve job's judge; only the JudgeFailed ones when asked.</summary>
    public async Task<Job> RejudgeAsync(Job evolve, bool failedOnly, string user, CancellationToken cancellationToken = default)
    {
        var settings = EvolveSettings.FromJson(evolve.Config);
        var judge = new JudgeSettings(settings.Judge, Llm: settings.Judge == "llm" ? settings.Llm : null, FailedOnly: failedOnly);
        var job = await queue.EnqueueAsync(JobKind.Judge, evolve.DatasetId, judge.ToJson(), user, cancellationToken);
        await queue.SetCostLimitAsync(job.Id, evolve.CostLimit, cancellationToken);
        return job;
    }

    public async Task<Spend> SpendAsync(int jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var spend = await db.Rounds.AsNoTracking().Where(r => r.JobId == jobId)
            .GroupBy(_ => 1)
            .Select(g => new Spend(g.Count(), g.Count(r => r.Status == RoundStatus.Failed), g.Count(r => r.Status == RoundStatus.JudgeFailed),
                g.Sum(r => (long)(r.PromptTokens ?? 0) + (r.JudgePromptTokens ?? 0)),
                g.Sum(r => (long)(r.CompletionTokens ?? 0) + (r.JudgeCompletionTokens ?? 0)),
                g.Sum(r => r.Cost ?? 0)))
            .SingleOrDefaultAsync(cancellationToken);
        return spend ?? new Spend(0, 0, 0, 0, 0, 0);
    }

    /// <summary>Newest first: the jobs this page launches.</summary>
    public async Task<IReadOnlyList<Job>> RecentAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AsNoTracking().Where(j => j.Kind == JobKind.Evolve || j.Kind == JobKind.Judge)
            .OrderByDescending(j => j.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
