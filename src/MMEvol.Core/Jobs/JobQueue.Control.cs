using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MMEvol.Core.Model;

namespace MMEvol.Core.Jobs;

/// <summary>Jobs on the store, the user's side: enqueue, cancel, resume, find, list.</summary>
public sealed partial class JobQueue
{
    public async Task<Job> EnqueueAsync(JobKind kind, int? datasetId, string config, string createdBy, CancellationToken cancellationToken = default)
    {
        var job = new Job
        {
            Kind = kind,
            State = JobState.Queued,
            DatasetId = datasetId,
            Config = config,
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow(),
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Job {JobId} ({Kind}) queued by {User} for dataset {DatasetId}", job.Id, kind, createdBy, datasetId);
        return job;
    }

    /// <summary>
    /// A Queued job, or a Running one nobody holds any more, has no runner to tell and becomes
    /// Cancelled at once; a live Running job is flagged and stops at its next heartbeat. Returns
    /// the state after the request (a finished job is left as it is).
    /// </summary>
    public async Task<JobState> RequestCancelAsync(int jobId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deadOwner = await DeadOwnerAsync(db, jobId, cancellationToken);
        var stopped = await db.Jobs.Where(JobLeases.Claimable(jobId, now, deadOwner)).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Cancelled)
            .SetProperty(j => j.CancelRequested, true)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        if (stopped == 1)
        {
            logger.LogInformation("Job {JobId} cancelled before a worker ran it", jobId);
            return JobState.Cancelled;
        }
        var flagged = await db.Jobs.Where(j => j.Id == jobId && j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), cancellationToken);
        if (flagged == 1)
        {
            logger.LogInformation("Cancel requested for running job {JobId}", jobId);
            return JobState.Running;
        }
        return await db.Jobs.Where(j => j.Id == jobId).Select(j => j.State).SingleAsync(cancellationToken);
    }

    /// <summary>Sets (or lifts, with null) what the job may spend on model calls; its handler reads it when it starts.</summary>
    public async Task SetCostLimitAsync(int jobId, double? limit, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.CostLimit, limit), cancellationToken) == 0)
            throw NotFound(jobId);
    }

    /// <summary>Failed or Cancelled back to Queued; the handler then continues from what the store holds.</summary>
    public async Task<Job> ResumeAsync(int jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var resumed = await db.Jobs.Where(j => j.Id == jobId && (j.State == JobState.Failed || j.State == JobState.Cancelled))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Queued)
                .SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.CancelRequested, false)
                .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken) ?? throw NotFound(jobId);
        if (resumed == 0)
            throw new WorkbenchException($"Job {jobId} is {job.State}; only a Failed or Cancelled job can be resumed.");
        logger.LogInformation("Job {JobId} ({Kind}) queued again for resumption", jobId, job.Kind);
        return job;
    }

    /// <summary>
    /// The newest job of this kind, dataset and byte-identical config that can be picked up again:
    /// Queued, Failed, Cancelled, or Running with an expired lease or a dead local owner.
    /// </summary>
    public async Task<Job?> FindResumableAsync(JobKind kind, int? datasetId, string config, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var matches = await db.Jobs.AsNoTracking()
            .Where(j => j.Kind == kind && j.DatasetId == datasetId && j.Config == config && j.State != JobState.Succeeded)
            .OrderByDescending(j => j.Id)
            .ToListAsync(cancellationToken);
        return matches.FirstOrDefault(j => j.State != JobState.Running || JobLeases.IsStale(j.LeaseOwner, j.LeaseExpiresAt, now));
    }

    /// <summary>
    /// The same, matching configs by what work they describe rather than byte for byte (a changed
    /// concurrency or price does not make another job of the same work).
    /// </summary>
    public async Task<Job?> FindResumableAsync(JobKind kind, int? datasetId, Func<string, bool> sameWork, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Jobs.AsNoTracking()
            .Where(j => j.Kind == kind && j.DatasetId == datasetId && j.State != JobState.Succeeded)
            .OrderByDescending(j => j.Id)
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(j => sameWork(j.Config) && (j.State != JobState.Running || JobLeases.IsStale(j.LeaseOwner, j.LeaseExpiresAt, now)));
    }

    /// <summary>Replaces the config of a job no worker holds (to resume the same work with new run settings).</summary>
    public async Task UpdateConfigAsync(int jobId, string config, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken) ?? throw NotFound(jobId);
        if (job.State == JobState.Running && !JobLeases.IsStale(job.LeaseOwner, job.LeaseExpiresAt, now))
            throw new WorkbenchException($"Job {jobId} is running; its settings cannot change now.");
        job.Config = config;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<Job>> ListAsync(JobState? state = null, int? datasetId = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var jobs = db.Jobs.AsNoTracking();
        if (state is { } s)
            jobs = jobs.Where(j => j.State == s);
        if (datasetId is { } d)
            jobs = jobs.Where(j => j.DatasetId == d);
        return await jobs.OrderByDescending(j => j.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>The job, with its log in the order it was written when asked for.</summary>
    public async Task<Job?> GetAsync(int jobId, bool includeLog = false, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var jobs = db.Jobs.AsNoTracking();
        if (includeLog)
            jobs = jobs.Include(j => j.Log.OrderBy(l => l.Id));
        return await jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
    }

    /// <summary>Log lines after a given line id, for following a running job without reading its whole log again.</summary>
    public async Task<IReadOnlyList<JobLogLine>> ReadLogAsync(int jobId, long afterId = 0, int limit = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.JobLog.AsNoTracking().Where(l => l.JobId == jobId && l.Id > afterId)
            .OrderBy(l => l.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
