using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MMEvol.Core.Data;
using MMEvol.Core.Demo;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution;
using MMEvol.Core.Export;
using MMEvol.Core.Import;
using MMEvol.Core.Jobs;
using MMEvol.Core.Review;
using MMEvol.Core.Storage;
using MMEvol.Core.Thresholds;

namespace MMEvol.Core;

public static class WorkbenchServiceCollectionExtensions
{
    /// <summary>
    /// Everything a host needs to work on the store: the store itself, the job queue and runner
    /// (and the worker loop when this host runs jobs), evolution, judging, import, export and the demo with their handlers, and review.
    /// </summary>
    public static IServiceCollection AddWorkbench(this IServiceCollection services, DataDirectory data, bool runWorker)
    {
        services.AddWorkbenchStore(data);
        services.AddJobs(runWorker);
        services.AddReview();
        services.TryAddSingleton<EvolverCatalog>();
        services.TryAddSingleton<EvolutionRun>();
        services.TryAddSingleton<JudgeRun>();
        services.TryAddSingleton<ThresholdPreviewer>();
        services.AddSingleton<IJobHandler, EvolveJobHandler>();
        services.AddSingleton<IJobHandler, JudgeJobHandler>();
        services.AddSingleton<IJobHandler, DemoJobHandler>();
        services.AddSingleton<IJobHandler, ImportJobHandler>();
        services.AddSingleton<IJobHandler, ExportJobHandler>();
        return services;
    }
}
