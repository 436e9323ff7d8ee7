using Microsoft.Extensions.Logging;
using MMEvol.Core.Model;

namespace MMEvol.Core.Jobs;

/// <summary>What a handler sees of its running job.</summary>
public sealed class JobContext(Job job, JobOwner owner, JobQueue queue)
{
    private readonly Lock _gate = new();
    private int _done = job.Done;
    private int _total = job.Total;

    /// <summary>The job as it was claimed (a resumed job still shows its earlier progress).</summary>
    public Job Job { get; } = job;

    public JobOwner Owner { get; } = owner;

    /// <summary>Kept in memory only: the next heartbeat writes it, so a handler may call this per item.</summary>
    public void ReportProgress(int done, int total)
    {
        lock (_gate)
        {
            _done = done;
            _total = total;
        }
    }

    public Task LogAsync(LogLevel level, string message, CancellationToken cancellationToken = default) =>
        queue.LogAsync(Job.Id, level, message, cancellationToken);

    public Task LogManyAsync(LogLevel level, IReadOnlyList<string> messages, CancellationToken cancellationToken = default) =>
        queue.LogManyAsync(Job.Id, level, messages, cancellationToken);

    public Task SetResultAsync(string json, CancellationToken cancellationToken = default) =>
        queue.SetResultAsync(Job.Id, Owner, json, cancellationToken);

    internal (int Done, int Total) Progress
    {
        get
        {
            lock (_gate)
                return (_done, _total);
        }
    }
}
