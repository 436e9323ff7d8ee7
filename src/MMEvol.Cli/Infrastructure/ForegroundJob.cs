using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MMEvol.Core;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using Spectre.Console;

namespace MMEvol.Cli.Infrastructure;

/// <summary>
/// Runs a job in this process the way a worker would, so that a killed command leaves a job the
/// next run (or any worker) resumes: the same settings find the same unfinished job. Progress is
/// read back from the job row, as the web UI reads it.
/// </summary>
internal static class ForegroundJob
{
    public const int Interrupted = 130;

    /// <param name="sameWork">Whether a stored config describes the same work as <paramref name="config"/> (by default: byte for byte).</param>
    /// <param name="costLimit">For jobs that call models: the most the job may spend; left as it was when null.</param>
    public static async Task<int> RunAsync(IAnsiConsole console, IHost host, JobKind kind, int datasetId, string config, bool enqueueOnly,
        CancellationToken cancellationToken, Func<string, bool>? sameWork = null, double? costLimit = null)
    {
        var queue = host.Services.GetRequiredService<JobQueue>();
        var time = host.Services.GetRequiredService<TimeProvider>();
        // One job of a kind at a time per dataset: two would pay for the same calls and race for the same rounds.
        var live = (await queue.ListAsync(JobState.Running, datasetId, 50, cancellationToken))
            .FirstOrDefault(j => j.Kind == kind && j.LeaseExpiresAt > time.GetUtcNow() && !JobOwner.IsDeadLocal(j.LeaseOwner));
        if (live is not null)
            throw new WorkbenchException($"Job {live.Id} ({kind}) is running on this dataset in {live.LeaseOwner}; watch it with `mmevol jobs show {live.Id}` or stop it with `mmevol jobs cancel {live.Id}`.");

        var job = await queue.FindResumableAsync(kind, datasetId, sameWork ?? (stored => stored == config), cancellationToken);
        if (job is not null && job.Config != config)
            await queue.UpdateConfigAsync(job.Id, config, cancellationToken);
        if (job is { State: JobState.Failed or JobState.Cancelled })
        {
            console.MarkupLineInterpolated($"Resuming job {job.Id} ({job.State.ToString().ToLowerInvariant()}{(job.Error is null ? "" : ": " + job.Error)})");
            job = await queue.ResumeAsync(job.Id, cancellationToken);
        }
        else if (job is { State: JobState.Running })
            console.MarkupLineInterpolated($"Resuming job {job.Id}: its worker stopped at {job.Done:N0} of {job.Total:N0}");
        job ??= await queue.EnqueueAsync(kind, datasetId, config, Environment.UserName, cancellationToken);
        if (costLimit is not null)
            await queue.SetCostLimitAsync(job.Id, costLimit, cancellationToken);
        if (enqueueOnly)
        {
            console.MarkupLineInterpolated($"Job [green]{job.Id}[/] queued: a worker (`mmevol worker` or the web app) will run it.");
            return 0;
        }

        var owner = JobOwner.ForThisProcess();
        var claimed = await queue.ClaimAsync(job.Id, owner, cancellationToken)
            ?? throw new WorkbenchException($"Another worker took job {job.Id} first; watch it with `mmevol jobs show {job.Id}`.");
        var runner = host.Services.GetRequiredService<JobRunner>();
        var state = await console.Progress().Columns(ProgressBars.Columns()).StartAsync(async progress =>
        {
            var bar = progress.AddTask($"{kind} job {claimed.Id}", maxValue: Math.Max(1, claimed.Total));
            var running = runner.RunAsync(claimed, owner, cancellationToken);
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(250, CancellationToken.None));
                if (await queue.GetAsync(claimed.Id, cancellationToken: CancellationToken.None) is { } now && now.Total > 0)
                {
                    bar.MaxValue = now.Total;
                    bar.Value = now.Done;
                }
            }
            bar.Value = bar.MaxValue;
            return await running;
        });

        foreach (var line in await queue.ReadLogAsync(claimed.Id, cancellationToken: CancellationToken.None))
            console.MarkupLineInterpolated($"[grey]{line.At:HH:mm:ss}[/] {line.Message}");
        var final = await queue.GetAsync(claimed.Id, cancellationToken: CancellationToken.None);
        switch (state)
        {
            case JobState.Succeeded:
                return 0;
            case JobState.Running:
                console.MarkupLineInterpolated($"[yellow]Stopped.[/] Job {claimed.Id} keeps its progress: run the same command again to resume it.");
                return Interrupted;
            case JobState.Cancelled:
                console.MarkupLineInterpolated($"[yellow]Job {claimed.Id} stopped before its end.[/] The same command (or `mmevol jobs resume {claimed.Id}`) continues it.");
                return 1;
            default:
                throw new WorkbenchException($"Job {claimed.Id} failed: {final?.Error ?? "unknown error"}. Run the same command again to resume it.");
        }
    }
}
