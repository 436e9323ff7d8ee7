namespace MMEvol.Core.Model;

/// <summary>
/// Durable long work shared by every host. A worker claims a Queued job (or a Running one whose
/// lease expired) by writing its name and a lease expiry, and renews the lease by heartbeat.
/// </summary>
public sealed class Job
{
    public int Id { get; set; }
    public JobKind Kind { get; set; }
    public JobState State { get; set; }
    public int? DatasetId { get; set; }

    /// <summary>The job's settings as JSON; the handler for its kind reads them.</summary>
    public required string Config { get; set; }

    /// <summary>
    /// The most this job may spend on model calls, in US dollars. Not part of the config: raising
    /// it and running the same command again resumes the same job.
    /// </summary>
    public double? CostLimit { get; set; }

    public int Done { get; set; }
    public int Total { get; set; }

    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset? HeartbeatAt { get; set; }

    public string? Error { get; set; }

    /// <summary>What the job produced, as JSON its handler wrote (an import's report, an export's file): read by the pages once it finished.</summary>
    public string? Result { get; set; }
    public bool CancelRequested { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public List<JobLogLine> Log { get; set; } = [];
}
