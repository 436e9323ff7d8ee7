using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MMEvol.Core.Jobs;

/// <summary>
/// Claims and runs jobs one at a time until the host stops. On shutdown the running job is
/// released (its lease set to expire now), so the next worker continues it at once.
/// </summary>
public sealed class JobWorker(JobQueue queue, JobRunner runner, TimeProvider time, IOptions<JobOptions> options, ILogger<JobWorker> logger)
    : BackgroundService
{
    private readonly TimeSpan _poll = options.Value.PollInterval;

    public JobOwner Owner { get; } = JobOwner.ForThisProcess();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's async calls complete synchronously: leave the host's start before the first claim.
        await Task.Yield();
        var kinds = runner.Kinds;
        if (kinds.Count == 0)
            logger.LogWarning("Job worker {Owner} has no job handlers and will claim nothing", Owner.Value);
        else
            logger.LogInformation("Job worker {Owner} started for {Kinds}", Owner.Value, string.Join(", ", kinds));

        while (!stoppingToken.IsCancellationRequested)
        {
            bool ran;
            try
            {
                ran = await RunNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The store itself failing (locked, disk full): wait a poll interval and try again rather than spin.
                logger.LogError(exception, "Job worker {Owner} could not claim a job", Owner.Value);
                ran = false;
            }
            if (!ran && !await SleepAsync(stoppingToken))
                break;
        }
        logger.LogInformation("Job worker {Owner} stopped", Owner.Value);
    }

    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        if (runner.Kinds.Count == 0 || await queue.TryClaimNextAsync(Owner, runner.Kinds, stoppingToken) is not { } job)
            return false;
        try
        {
            await runner.RunAsync(job, Owner, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The runner keeps handler failures in; this is the store failing around a job. Mark it and go on.
            logger.LogError(exception, "Job {JobId} ({Kind}) could not be run to its end", job.Id, job.Kind);
            try
            {
                await queue.FailAsync(job.Id, Owner, exception.Message, CancellationToken.None);
            }
            catch (Exception markFailure)
            {
                logger.LogError(markFailure, "Job {JobId} ({Kind}) could not be marked Failed; its lease will expire", job.Id, job.Kind);
            }
        }
        return true;
    }

    private async Task<bool> SleepAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(_poll, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
