using Microsoft.Extensions.Logging;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>Runs an Evolve job: the settings are the job's config; a resumed job re-plans from the store.</summary>
public sealed class EvolveJobHandler(EvolutionRun run) : IJobHandler
{
    public JobKind Kind => JobKind.Evolve;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var job = context.Job;
        var datasetId = job.DatasetId ?? throw new WorkbenchException($"Evolve job {job.Id} names no dataset.");
        var settings = EvolveSettings.FromJson(job.Config);
        await run.RunAsync(datasetId, settings, job.Id,
            new InlineProgress<EvolutionProgress>(p => context.ReportProgress(p.Done, p.Total)),
            message => context.LogAsync(LogLevel.Information, message, CancellationToken.None),
            cancellationToken, job.CostLimit);
    }
}
