using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Data;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Web.Tests;

/// <summary>
/// The web app on a real Kestrel at 127.0.0.1 (a free port), over a real SQLite file in a fresh
/// data directory that is deleted afterwards. Settings go in as configuration, as a user's would.
/// </summary>
public sealed class WorkbenchServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private WorkbenchServer(string root, WebApplicationFactory<Program> factory, Uri address)
    {
        (Root, _factory, Address) = (root, factory, address);
        Data = Services.GetRequiredService<DataDirectory>();
    }

    public string Root { get; }
    public Uri Address { get; }
    public DataDirectory Data { get; }
    public IServiceProvider Services => _factory.Services;

    /// <summary>A small demo by default: a few images, one round, so a first start finishes in seconds.</summary>
    public static Dictionary<string, string?> SmallDemo(int rounds = 1) => new()
    {
        ["Demo:Images"] = "8",
        ["Demo:BenchmarkImages"] = "0",
        ["Demo:Rounds"] = rounds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static WorkbenchServer Start(Dictionary<string, string?>? settings = null, string? root = null)
    {
        root ??= Directory.CreateTempSubdirectory("mmevol-web-").FullName;
        var all = new Dictionary<string, string?>
        {
            [DataDirectory.EnvironmentVariable] = Path.Combine(root, "data"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Jobs:PollInterval"] = "00:00:00.100",
            ["Jobs:HeartbeatInterval"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings ?? SmallDemo())
            all[key] = value;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in all)
                builder.UseSetting(key, value);
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WorkbenchServer(root, factory, new Uri(address));
    }

    /// <summary>A browser-like client: keeps cookies, never follows redirects (tests assert them), gives up quickly.</summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public string AdminPassword => File.ReadAllText(Path.Combine(Data.Root, "admin-password.txt")).Trim();

    public async Task<WorkbenchDb> OpenStoreAsync() =>
        await Services.GetRequiredService<IDbContextFactory<WorkbenchDb>>().CreateDbContextAsync();

    /// <summary>Waits for the store to say so; generous, since a loaded CI machine is slow, not wrong.</summary>
    public async Task<List<Job>> WaitForJobsAsync(Func<List<Job>, bool> done, int timeoutSeconds = 180)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            await using var db = await OpenStoreAsync();
            var jobs = await db.Jobs.AsNoTracking().OrderBy(j => j.Id).ToListAsync();
            if (done(jobs))
                return jobs;
            if (jobs.FirstOrDefault(j => j.State == JobState.Failed) is { } failed)
                throw new InvalidOperationException($"Job {failed.Id} ({failed.Kind}) failed: {failed.Error}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Jobs not done within {timeoutSeconds} s: {string.Join(", ", jobs.Select(j => $"{j.Id} {j.Kind} {j.State}"))}");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops the host but keeps the data directory, to start again on the same store.</summary>
    public async Task StopAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held on some systems: the temp folder is cleaned eventually anyway.
        }
    }
}
