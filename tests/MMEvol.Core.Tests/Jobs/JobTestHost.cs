using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MMEvol.Core.Data;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Jobs;

/// <summary>
/// The job services as a host wires them, over a test store. Each instance has its own service
/// provider and so its own context factory and connections: two of them act as two workers.
/// </summary>
public sealed class JobTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private JobTestHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;
    public IOptions<JobOptions> Options => _services.GetRequiredService<IOptions<JobOptions>>();
    public JobQueue Queue => _services.GetRequiredService<JobQueue>();
    public JobRunner Runner => _services.GetRequiredService<JobRunner>();
    public JobWorker Worker => _services.GetServices<IHostedService>().OfType<JobWorker>().Single();

    public static JobTestHost Create(TestStore store, TimeProvider? time = null, IEnumerable<IJobHandler>? handlers = null,
        Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? FastSettings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddWorkbenchStore(store.Data);
        if (time is not null)
            services.AddSingleton(time);
        foreach (var handler in handlers ?? [])
            services.AddSingleton(handler);
        services.AddJobs(runWorker: true);
        return new JobTestHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    /// <summary>Short heartbeat and poll so tests wait little; the lease stays long so a slow machine never loses one.</summary>
    public static Dictionary<string, string?> FastSettings => new()
    {
        ["Jobs:LeaseDuration"] = "00:00:30",
        ["Jobs:HeartbeatInterval"] = "00:00:00.050",
        ["Jobs:PollInterval"] = "00:00:00.050",
    };

    /// <summary>Queues one job and runs it to its end through a runner that knows only this handler.</summary>
    public async Task<(JobState State, Job Job)> RunOnceAsync(IJobHandler handler, int? datasetId, string config)
    {
        var runner = new JobRunner(Queue, [handler], TimeProvider.System, Options, NullLogger<JobRunner>.Instance);
        var job = await Queue.EnqueueAsync(handler.Kind, datasetId, config, "tester");
        var owner = JobOwner.ForThisProcess();
        var state = await runner.RunAsync((await Queue.ClaimAsync(job.Id, owner))!, owner);
        return (state, (await Queue.GetAsync(job.Id, includeLog: true))!);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
