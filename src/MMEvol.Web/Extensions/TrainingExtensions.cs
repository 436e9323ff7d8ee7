using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MMEvol.Training;
using MMEvol.Web.Components.Pages.Training;
using MMEvol.Web.Trainers;

namespace MMEvol.Web.Extensions;

internal static class TrainingExtensions
{
    /// <summary>
    /// Train jobs run by this host's worker (the probe on TorchSharp in-process, external trainers as
    /// child processes), the external trainer profiles of section "Training" validated at start, and
    /// what the Training page asks of the store.
    /// </summary>
    public static IServiceCollection AddWorkbenchTraining(this IServiceCollection services)
    {
        services.AddTraining();
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrainingOptions>, TrainingOptionsValidator>());
        services.AddSingleton<TrainingJobs>();
        return services;
    }
}
