using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MMEvol.Core.Jobs;

public static class JobServiceCollectionExtensions
{
    /// <summary>
    /// The job queue and runner, with options from the "Jobs" section validated at start; the
    /// worker loop too when this host runs jobs in the background. Features register their
    /// handlers as <see cref="IJobHandler"/>. Needs the store (AddWorkbenchStore) and logging.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, bool runWorker)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobOptions>, JobOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobQueue>();
        services.TryAddSingleton<JobRunner>();
        if (runWorker)
            services.AddHostedService<JobWorker>();
        return services;
    }
}
