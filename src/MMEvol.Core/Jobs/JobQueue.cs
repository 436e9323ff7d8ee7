using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Jobs;

/// <summary>
/// Jobs on the store, the runner's side: claim with a lease, heartbeat, log, finish. Every
/// change of hands is one conditional UPDATE whose WHERE restates the condition it relies on;
/// SQLite runs it under its single write lock, so of two claimers (in any processes) the second
/// finds the row no longer claimable and changes nothing. The user's side is in JobQueue.Control.cs.
/// </summary>
public sealed partial class JobQueue(IDbContextFactory<WorkbenchDb> factory, TimeProvider time, IOptions<JobOptions> options, ILogger<JobQueue> logger)
{
    // Queued jobs tried per claim; more only matter when many claimers race for the same few.
    private const int QueuedCandidates = 8;
    private readonly TimeSpan _lease = options.Value.LeaseDuration;

    /// <summary>The oldest claimable job of these kinds: Queued, or Running with an expired lease or a dead local owner.</summary>
    public async Task<Job?> TryClaimNextAsync(JobOwner owner, IReadOnlyCollection<JobKind> kinds, CancellationToken cancellationToken = default)
    {
        if (kinds.Count == 0)
            return null;
        var now = time.GetUtcNow();
        var kindList = kinds.Distinct().ToList();
        var localPrefix = JobOwner.LocalPrefix;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var running = await db.Jobs.AsNoTracking()
            .Where(j => j.State == JobState.Running && kindList.Contains(j.Kind)
                && (j.LeaseExpiresAt == null || j.LeaseExpiresAt <= now || j.LeaseOwner!.StartsWith(localPrefix)))
            .Select(j => new { j.Id, j.LeaseOwner, j.LeaseExpiresAt })
            .ToListAsync(cancellationToken);
        var queued = await db.Jobs.AsNoTracking()
            .Where(j => j.State == JobState.Queued && kindList.Contains(j.Kind))
            .OrderBy(j => j.Id).Select(j => j.Id).Take(QueuedCandidates)
            .ToListAsync(cancellationToken);

        var candidates = running
            .Select(r => (r.Id, r.LeaseExpiresAt, DeadOwner: JobOwner.IsDeadLocal(r.LeaseOwner) ? r.LeaseOwner : null))
            .Where(r => r.LeaseExpiresAt is null || r.LeaseExpiresAt <= now || r.DeadOwner is not null)
            .Select(r => (r.Id, r.DeadOwner))
            .Concat(queued.Select(id => (Id: id, DeadOwner: (string?)null)))
            .OrderBy(c => c.Id);
        foreach (var (id, deadOwner) in candidates)
        {
            if (await ClaimAsync(db, id, owner, deadOwner, now, cancellationToken) is { } job)
                return job;
        }
        return null;
    }

    /// <summary>Claims one given job if it is claimable; null when it is not (finished, or held by a live worker).</summary>
    public async Task<Job?> ClaimAsync(int jobId, JobOwner owner, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ClaimAsync(db, jobId, owner, await DeadOwnerAsync(db, jobId, cancellationToken), now, cancellationToken);
    }

    /// <summary>Renews the lease and stores progress; reports a cancel request or a lease another worker took.</summary>
    public async Task<JobHeartbeat> HeartbeatAsync(int jobId, JobOwner owner, int done, int total, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var renewed = await db.Jobs.Held(jobId, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.LeaseExpiresAt, now + _lease)
            .SetProperty(j => j.HeartbeatAt, now)
            .SetProperty(j => j.Done, done)
            .SetProperty(j => j.Total, total), cancellationToken);
        if (renewed == 0)
            return new JobHeartbeat(LeaseLost: true, CancelRequested: false);
        var cancel = await db.Jobs.Where(j => j.Id == jobId).Select(j => j.CancelRequested).SingleAsync(cancellationToken);
        return new JobHeartbeat(LeaseLost: false, CancelRequested: cancel);
    }

    /// <summary>Appends one line to the job's log: one INSERT, no read.</summary>
    public async Task LogAsync(int jobId, LogLevel level, string message, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.JobLog.Add(new JobLogLine { JobId = jobId, At = time.GetUtcNow(), Level = level.ToString(), Message = message });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Appends lines to the job's log in one transaction (an external trainer prints many a second).</summary>
    public async Task LogManyAsync(int jobId, LogLevel level, IReadOnlyList<string> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
            return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var at = time.GetUtcNow();
        db.JobLog.AddRange(messages.Select(m => new JobLogLine { JobId = jobId, At = at, Level = level.ToString(), Message = m }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stores the job's result while its owner holds it; a job taken over meanwhile keeps what its new owner writes.</summary>
    public async Task<bool> SetResultAsync(int jobId, JobOwner owner, string result, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.Held(jobId, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.Result, result), cancellationToken) == 1;
    }

    public Task<bool> CompleteAsync(int jobId, JobOwner owner, CancellationToken cancellationToken = default) =>
        FinishAsync(jobId, owner, JobState.Succeeded, null, cancellationToken);

    public Task<bool> FailAsync(int jobId, JobOwner owner, string error, CancellationToken cancellationToken = default) =>
        FinishAsync(jobId, owner, JobState.Failed, error, cancellationToken);

    public Task<bool> CancelledAsync(int jobId, JobOwner owner, CancellationToken cancellationToken = default) =>
        FinishAsync(jobId, owner, JobState.Cancelled, null, cancellationToken);

    /// <summary>Gives the job up without finishing it (a host shutting down): the next worker may claim it at once.</summary>
    public async Task<bool> ReleaseAsync(int jobId, JobOwner owner, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.Held(jobId, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, now), cancellationToken) == 1;
    }

    /// <summary>False when the job was no longer this owner's (taken over, or cancelled as stale): nothing is overwritten.</summary>
    private async Task<bool> FinishAsync(int jobId, JobOwner owner, JobState state, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var finished = await db.Jobs.Held(jobId, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, state)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        if (finished == 1)
            logger.LogInformation("Job {JobId} finished as {State}", jobId, state);
        return finished == 1;
    }

    private async Task<Job?> ClaimAsync(WorkbenchDb db, int jobId, JobOwner owner, string? deadOwner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = await db.Jobs.Where(JobLeases.Claimable(jobId, now, deadOwner)).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Running)
            .SetProperty(j => j.LeaseOwner, owner.Value)
            .SetProperty(j => j.LeaseExpiresAt, now + _lease)
            .SetProperty(j => j.HeartbeatAt, now)
            .SetProperty(j => j.StartedAt, now), cancellationToken);
        if (claimed == 0)
            return null;
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        logger.LogInformation("Job {JobId} ({Kind}) claimed by {Owner}", job.Id, job.Kind, owner.Value);
        return job;
    }

    /// <summary>The job's lease owner when that is a dead local process; throws for a job that does not exist.</summary>
    private static async Task<string?> DeadOwnerAsync(WorkbenchDb db, int jobId, CancellationToken cancellationToken)
    {
        var seen = await db.Jobs.Where(j => j.Id == jobId).Select(j => new { j.LeaseOwner }).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFound(jobId);
        return JobOwner.IsDeadLocal(seen.LeaseOwner) ? seen.LeaseOwner : null;
    }

    private static WorkbenchException NotFound(int jobId) => new($"Job {jobId} does not exist.");
}
