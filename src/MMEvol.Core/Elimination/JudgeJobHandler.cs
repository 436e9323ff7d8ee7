using Microsoft.Extensions.Logging;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination;

/// <summary>Runs a Judge job; a resumed job skips the rounds its stored progress says are done.</summary>
public sealed class JudgeJobHandler(JudgeRun run) : IJobHandler
{
    public JobKind Kind => JobKind.Judge;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var job = context.Job;
        var datasetId = job.DatasetId ?? throw new WorkbenchException($"Judge job {job.Id} names no dataset.");
        await run.RunAsync(datasetId, JudgeSettings.FromJson(job.Config), job.Done,
            new InlineProgress<(int Done, int Total)>(p => context.ReportProgress(p.Done, p.Total)),
            message => context.LogAsync(LogLevel.Information, message, CancellationToken.None),
            cancellationToken, job.CostLimit);
    }
}
