using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MMEvol.Core.Model;

namespace MMEvol.Core.Jobs;

/// <summary>
/// Runs one claimed job with the handler for its kind, beside a heartbeat that renews the lease
/// and stops the handler on a cancel request or a lost lease. A handler's failure never escapes:
/// it becomes the job's Failed state.
/// </summary>
public sealed class JobRunner
{
    private readonly JobQueue _queue;
    private readonly TimeProvider _time;
    private readonly TimeSpan _heartbeat;
    private readonly ILogger<JobRunner> _logger;
    private readonly Dictionary<JobKind, IJobHandler> _handlers = [];

    public JobRunner(JobQueue queue, IEnumerable<IJobHandler> handlers, TimeProvider time, IOptions<JobOptions> options, ILogger<JobRunner> logger)
    {
        (_queue, _time, _heartbeat, _logger) = (queue, time, options.Value.HeartbeatInterval, logger);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Kind, handler))
                throw new InvalidOperationException($"Two job handlers are registered for {handler.Kind} jobs.");
        }
    }

    /// <summary>The kinds this runner has a handler for: the ones a worker should claim.</summary>
    public IReadOnlyCollection<JobKind> Kinds => _handlers.Keys;

    /// <summary>
    /// Returns the state the job was left in: Running when it was released because
    /// <paramref name="stoppingToken"/> fired (the next worker takes it over at once) or when
    /// another worker took its lease.
    /// </summary>
    public async Task<JobState> RunAsync(Job job, JobOwner owner, CancellationToken stoppingToken = default)
    {
        if (!_handlers.TryGetValue(job.Kind, out var handler))
            return await FailAsync(job, owner, $"No handler is registered for {job.Kind} jobs in this host.", null);
        if (job.CancelRequested)
            return await CancelAsync(job, owner); // cancelled while its previous worker died: do not start it again

        _logger.LogInformation("Job {JobId} ({Kind}) starting on {Owner}", job.Id, job.Kind, owner.Value);
        await _queue.LogAsync(job.Id, LogLevel.Information, $"Started by {owner.Value}.", CancellationToken.None);
        var context = new JobContext(job, owner, _queue);
        using var handlerStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = new JobHeartbeatLoop(_queue, context, handlerStop, _logger).RunAsync(_heartbeat, _time, heartbeatStop.Token);
        Exception? failure = null;
        try
        {
            await handler.RunAsync(context, handlerStop.Token);
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
        }
        var stop = await heartbeat;

        if (stop == JobHeartbeatLoop.Stop.LeaseLost)
        {
            _logger.LogWarning("Job {JobId} ({Kind}) was taken over by another worker; {Owner} stopped without writing its end", job.Id, job.Kind, owner.Value);
            return JobState.Running;
        }
        if (failure is null)
        {
            var (done, total) = context.Progress;
            await _queue.HeartbeatAsync(job.Id, owner, done, total, CancellationToken.None);
            return await FinishedAsync(job, await _queue.CompleteAsync(job.Id, owner, CancellationToken.None), JobState.Succeeded);
        }
        if (handlerStop.IsCancellationRequested && stop == JobHeartbeatLoop.Stop.CancelRequested)
            return await CancelAsync(job, owner);
        if (failure is JobStoppedException stopped)
            return await StoppedAsync(job, owner, context, stopped.Message);
        if (handlerStop.IsCancellationRequested && stoppingToken.IsCancellationRequested)
            return await ReleaseAsync(job, owner, context);
        return await FailAsync(job, owner, failure.Message, failure);
    }

    private async Task<JobState> FailAsync(Job job, JobOwner owner, string error, Exception? exception)
    {
        _logger.LogError(exception, "Job {JobId} ({Kind}) failed: {Error}", job.Id, job.Kind, error);
        await _queue.LogAsync(job.Id, LogLevel.Error, error, CancellationToken.None);
        return await FinishedAsync(job, await _queue.FailAsync(job.Id, owner, error, CancellationToken.None), JobState.Failed);
    }

    private async Task<JobState> StoppedAsync(Job job, JobOwner owner, JobContext context, string reason)
    {
        var (done, total) = context.Progress;
        await _queue.HeartbeatAsync(job.Id, owner, done, total, CancellationToken.None);
        _logger.LogWarning("Job {JobId} ({Kind}) stopped: {Reason}", job.Id, job.Kind, reason);
        await _queue.LogAsync(job.Id, LogLevel.Warning, reason, CancellationToken.None);
        return await FinishedAsync(job, await _queue.CancelledAsync(job.Id, owner, CancellationToken.None), JobState.Cancelled);
    }

    private async Task<JobState> CancelAsync(Job job, JobOwner owner)
    {
        await _queue.LogAsync(job.Id, LogLevel.Information, "Cancelled on request.", CancellationToken.None);
        return await FinishedAsync(job, await _queue.CancelledAsync(job.Id, owner, CancellationToken.None), JobState.Cancelled);
    }

    private async Task<JobState> ReleaseAsync(Job job, JobOwner owner, JobContext context)
    {
        var (done, total) = context.Progress;
        await _queue.HeartbeatAsync(job.Id, owner, done, total, CancellationToken.None);
        await _queue.ReleaseAsync(job.Id, owner, CancellationToken.None);
        await _queue.LogAsync(job.Id, LogLevel.Warning, "Stopped with its host; the next worker continues it.", CancellationToken.None);
        _logger.LogInformation("Job {JobId} ({Kind}) released by {Owner} on shutdown", job.Id, job.Kind, owner.Value);
        return JobState.Running;
    }

    /// <summary>When the end could not be written the job was no longer ours; report what the store says instead.</summary>
    private async Task<JobState> FinishedAsync(Job job, bool written, JobState state)
    {
        if (written)
            return state;
        var current = await _queue.GetAsync(job.Id, cancellationToken: CancellationToken.None);
        _logger.LogWarning("Job {JobId} ({Kind}) was no longer held when it ended as {State}; the store has it {Current}", job.Id, job.Kind, state, current?.State);
        return current?.State ?? state;
    }
}
