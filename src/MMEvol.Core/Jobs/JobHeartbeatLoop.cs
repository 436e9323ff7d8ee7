using Microsoft.Extensions.Logging;

namespace MMEvol.Core.Jobs;

/// <summary>
/// Beats beside a running handler: renews the lease, writes the progress the handler reported,
/// and stops the handler when the user asks or when another worker took the job.
/// </summary>
internal sealed class JobHeartbeatLoop(JobQueue queue, JobContext context, CancellationTokenSource handlerStop, ILogger logger)
{
    public enum Stop
    {
        None,
        CancelRequested,
        LeaseLost,
    }

    /// <summary>Creates its timer before the first await, so the lease is kept from the moment the handler starts.</summary>
    public async Task<Stop> RunAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        var job = context.Job;
        var stop = Stop.None;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var (done, total) = context.Progress;
                JobHeartbeat beat;
                try
                {
                    beat = await queue.HeartbeatAsync(job.Id, context.Owner, done, total, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A busy or briefly unavailable store: the lease has room for another try.
                    logger.LogWarning(exception, "Heartbeat of job {JobId} ({Kind}) failed; trying again at the next one", job.Id, job.Kind);
                    continue;
                }
                if (beat.LeaseLost)
                {
                    await handlerStop.CancelAsync();
                    return Stop.LeaseLost;
                }
                if (beat.CancelRequested && stop == Stop.None)
                {
                    // Keep beating while the handler winds down, so the lease holds until Cancelled is written.
                    stop = Stop.CancelRequested;
                    logger.LogInformation("Job {JobId} ({Kind}) cancel requested; stopping its handler", job.Id, job.Kind);
                    await handlerStop.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        return stop;
    }
}
