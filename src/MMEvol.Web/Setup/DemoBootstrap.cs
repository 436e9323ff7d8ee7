using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MMEvol.Core.Data;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;

namespace MMEvol.Web.Setup;

/// <summary>
/// A newcomer's first start: on a store with no dataset and no job, queue the demo job (draw and
/// import the Shapes world, then queue its evolution), so evolved data is there to review within a
/// minute. As jobs, never on a request, so the dashboard shows their progress.
/// </summary>
internal sealed class DemoBootstrap(IDbContextFactory<WorkbenchDb> factory, JobQueue queue, IOptions<DemoOptions> options, ILogger<DemoBootstrap> logger)
{
    public const string CreatedBy = "first start";

    public async Task QueueIfEmptyAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
            return;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Datasets.AnyAsync(cancellationToken) || await db.Jobs.AnyAsync(cancellationToken))
                return;
        }
        var settings = demo.ToSettings();
        settings.Validate();
        var job = await queue.EnqueueAsync(JobKind.Demo, null, settings.ToJson(), CreatedBy, cancellationToken);
        logger.LogInformation("Empty store: demo job {JobId} queued ({Images} Shapes images, then {Rounds} rounds of offline evolution)",
            job.Id, settings.Images, settings.Rounds);
    }
}
