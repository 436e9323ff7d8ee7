using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Jobs;
using MMEvol.Training.Experiment;
using MMEvol.Training.Jobs;

namespace MMEvol.Training;

public static class TrainingServiceCollectionExtensions
{
    /// <summary>Train and Experiment jobs for a host whose worker runs them (the web app, `mmevol worker`). Needs AddWorkbench.</summary>
    public static IServiceCollection AddTraining(this IServiceCollection services) =>
        services.AddSingleton<IJobHandler, TrainJobHandler>()
            .AddSingleton<IJobHandler, ExperimentJobHandler>();
}
