using System.Linq.Expressions;
using MMEvol.Core.Model;

namespace MMEvol.Core.Jobs;

/// <summary>The lease rules in one place: as SQL conditions for the conditional UPDATEs, and in memory.</summary>
internal static class JobLeases
{
    /// <summary>
    /// Claimable right now: Queued, or Running with its lease run out, or Running still held by
    /// the very owner we saw dead (if anyone took it over since, LeaseOwner differs and it fails).
    /// </summary>
    public static Expression<Func<Job, bool>> Claimable(int jobId, DateTimeOffset now, string? deadOwner) => deadOwner is null
        ? j => j.Id == jobId && (j.State == JobState.Queued
            || (j.State == JobState.Running && (j.LeaseExpiresAt == null || j.LeaseExpiresAt <= now)))
        : j => j.Id == jobId && (j.State == JobState.Queued
            || (j.State == JobState.Running && (j.LeaseExpiresAt == null || j.LeaseExpiresAt <= now || j.LeaseOwner == deadOwner)));

    /// <summary>Still this owner's: the guard on every write a runner makes, so a worker that lost its job overwrites nothing.</summary>
    public static IQueryable<Job> Held(this IQueryable<Job> jobs, int jobId, JobOwner owner) =>
        jobs.Where(j => j.Id == jobId && j.State == JobState.Running && j.LeaseOwner == owner.Value);

    /// <summary>A Running job nobody holds any more.</summary>
    public static bool IsStale(string? leaseOwner, DateTimeOffset? leaseExpiresAt, DateTimeOffset now) =>
        leaseExpiresAt is null || leaseExpiresAt <= now || JobOwner.IsDeadLocal(leaseOwner);
}
