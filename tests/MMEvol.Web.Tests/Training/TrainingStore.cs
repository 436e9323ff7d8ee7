using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MMEvol.Core.Data;
using MMEvol.Core.Import;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Core.Storage;
using MMEvol.Core.Users;
using MMEvol.Training.Evaluation;
using MMEvol.Web.Account;
using MMEvol.Web.Components.Pages.Training;
using MMEvol.Web.Tests.Review;
using MMEvol.Web.Trainers;

namespace MMEvol.Web.Tests.Training;

/// <summary>A real SQLite store with one small text-only dataset, and bUnit contexts over it with the Training page's services.</summary>
public sealed class TrainingStore : IAsyncLifetime
{
    public DataDirectory Data { get; } = DataDirectory.Resolve(Path.Combine(Path.GetTempPath(), "mmevol-training-page-" + Guid.NewGuid().ToString("N")), null, null, "/");
    public Dataset Dataset { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Data.EnsureCreated();
        var file = Path.Combine(Data.Root, "seeds.json");
        await File.WriteAllTextAsync(file, "[" + string.Join(",", Enumerable.Range(1, 3).Select(i =>
            $$"""{"id": "t{{i}}", "conversations": [{"from": "human", "value": "Name colour {{i}}."}, {"from": "gpt", "value": "Blue."}]}""")) + "]");
        await using var db = Open();
        await WorkbenchStore.MigrateAsync(db);
        await new Importer(Data, TimeProvider.System).ImportAsync(db, new ImportOptions(file, "seeds") { User = "admin" });
        Dataset = await db.Datasets.AsNoTracking().SingleAsync();
    }

    public WorkbenchDb Open() => WorkbenchStore.Open(Data.DatabaseFile);

    /// <summary>The page's services over this store, signed in as the user with the role, with these trainer profiles configured.</summary>
    public BunitContext Context(string user = "admin", string role = WorkbenchRoles.Admin, TrainingOptions? options = null)
    {
        var context = ComponentContext.Create();
        context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        context.Services.AddLogging().AddWorkbenchStore(Data).AddJobs(runWorker: false).AddReview();
        context.Services.AddSingleton(Options.Create(options ?? new TrainingOptions()));
        context.Services.AddSingleton<TrainingJobs>().AddScoped<CurrentUser>();
        context.AddAuthorization().SetAuthorized(user).SetRoles(role);
        return context;
    }

    /// <summary>A run as the worker leaves it, with a curve of <paramref name="points"/> points five steps apart.</summary>
    public async Task<TrainingRun> AddRunAsync(string name, SnapshotKind snapshot, TrainingStatus status, BenchmarkSummary? evaluation = null,
        int points = 4, int? jobId = null)
    {
        await using var db = Open();
        var run = new TrainingRun
        {
            DatasetId = Dataset.Id,
            JobId = jobId,
            Name = name,
            Trainer = "probe",
            Snapshot = snapshot,
            SnapshotItems = 3,
            SnapshotHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name))),
            PolicyVersion = 2,
            SnapshotOverrides = 1,
            Settings = "{}",
            Status = status,
            Step = points * 5,
            TargetSteps = 40,
            Loss = 1.5,
            Evaluation = evaluation?.ToJson(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        run.Metrics.AddRange(Enumerable.Range(1, points).Select(i => new TrainingMetric { Step = i * 5, Loss = 4.0 / i, LearningRate = 1e-3 * i / points, SamplesPerSecond = 100 }));
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Data.Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open leaves a temp folder behind, not a failed test.
        }
        return Task.CompletedTask;
    }
}
