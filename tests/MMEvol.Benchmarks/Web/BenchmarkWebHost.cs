using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Storage;
using MMEvol.Web.Components.Pages.Review;

namespace MMEvol.Benchmarks.Web;

/// <summary>
/// The real web host on Kestrel (loopback) over a copy of a generated store, in Production mode
/// with no demo and no job worker, and a signed-in browser-like client.
/// </summary>
internal sealed partial class BenchmarkWebHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<ReviewPage> _factory;

    private BenchmarkWebHost(WebApplicationFactory<ReviewPage> factory, Uri address, DataDirectory data) =>
        (_factory, Address, Data) = (factory, address, data);

    public Uri Address { get; }
    public DataDirectory Data { get; }
    public IServiceProvider Services => _factory.Services;

    public static BenchmarkWebHost Start(string storeFile, string folder)
    {
        var data = new DataDirectory(Path.Combine(folder, "data"), Path.Combine(folder, "data", DataDirectory.DefaultDatabaseName));
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        data.EnsureCreated();
        File.Copy(storeFile, data.DatabaseFile);

        // ReviewPage names the web assembly (the benchmark's own Program would shadow the app's); no
        // test manifest names its folder, so the content root is given from the solution.
        var factory = new WebApplicationFactory<ReviewPage>().WithWebHostBuilder(builder => builder
            .UseSolutionRelativeContentRoot("src/MMEvol.Web")
            .UseEnvironment("Production")
            .UseSetting(DataDirectory.EnvironmentVariable, data.Root)
            .UseSetting("Demo:Enabled", "false")
            .UseSetting("Jobs:RunWorker", "false")
            .UseSetting("Logging:LogLevel:Default", "Error")
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error"));
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new BenchmarkWebHost(factory, address, data);
    }

    /// <summary>A browser-like client: keeps cookies, never follows redirects, gives up after a minute.</summary>
    public HttpClient Client() =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The way a browser signs in as the first admin: GET the form, POST it back with its antiforgery token, keep the cookie.</summary>
    public async Task SignInAsync(HttpClient client)
    {
        var password = File.ReadAllText(Path.Combine(Data.Root, "admin-password.txt")).Trim();
        var page = await client.GetStringAsync("/account/login");
        var token = TokenPattern().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the sign-in page.");
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = "admin",
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}, not a redirect.");
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
