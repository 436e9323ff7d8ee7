using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MMEvol.Core;
using MMEvol.Core.Data;
using MMEvol.Core.Demo;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;
using MMEvol.Training.Jobs;

namespace MMEvol.Training.Tests.Jobs;

/// <summary>A real SQLite store holding a small imported Shapes world, and the job services (worker included) with training.</summary>
public sealed class TrainingHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _root;

    private TrainingHost(string root, DataDirectory data, ServiceProvider services, int datasetId)
    {
        (_root, Data, _services, DatasetId) = (root, data, services, datasetId);
    }

    public DataDirectory Data { get; }
    public int DatasetId { get; }
    public JobQueue Queue => _services.GetRequiredService<JobQueue>();
    public IHostedService Worker => _services.GetServices<IHostedService>().OfType<JobWorker>().Single();

    public static async Task<TrainingHost> CreateAsync(int images = 30)
    {
        var root = Directory.CreateTempSubdirectory("mmevol-training-").FullName;
        var data = new DataDirectory(Path.Combine(root, "data"), Path.Combine(root, "data", DataDirectory.DefaultDatabaseName));
        data.EnsureCreated();
        int datasetId;
        await using (var db = WorkbenchStore.Open(data.DatabaseFile))
        {
            await WorkbenchStore.MigrateAsync(db);
            var world = DemoDataset.Generate(data, new ShapesWorldOptions(images, BenchmarkImages: 10, Seed: 5, CanvasSize: 128));
            await DemoDataset.ImportAsync(db, data, world, "shapes", TimeProvider.System);
            datasetId = (await db.Datasets.SingleAsync()).Id;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:LeaseDuration"] = "00:00:30",
            ["Jobs:HeartbeatInterval"] = "00:00:00.100",
            ["Jobs:PollInterval"] = "00:00:00.100",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddWorkbench(data, runWorker: true)
            .AddTraining()
            .BuildServiceProvider();
        return new TrainingHost(root, data, services, datasetId);
    }

    public WorkbenchDb Open() => WorkbenchStore.Open(Data.DatabaseFile);

    /// <summary>Queues a train job, runs the worker until the job ends, and returns the job as it ended.</summary>
    public async Task<Job> TrainAsync(TrainSettings settings)
    {
        var job = await Queue.EnqueueAsync(JobKind.Train, DatasetId, settings.ToJson(), "tester");
        await Worker.StartAsync(CancellationToken.None);
        var finished = await WaitAsync(job.Id, JobState.Succeeded, JobState.Failed, JobState.Cancelled);
        await Worker.StopAsync(CancellationToken.None);
        return finished;
    }

    /// <summary>Waits (at most two minutes) until the job reaches one of the states.</summary>
    public async Task<Job> WaitAsync(int jobId, params JobState[] states)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var job = (await Queue.GetAsync(jobId, includeLog: true))!;
            if (states.Contains(job.State))
                return job;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Job {jobId} did not reach {string.Join(" or ", states)} within two minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
