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

namespace MMEvol.Benchmarks.Review;

/// <summary>
/// The review page as a signed-in browser first gets it: the real web host on Kestrel (loopback)
/// over a copy of the generated store, GET /review?dataset=NAME with the whole server-rendered body
/// read, beside a static asset (the pipeline's floor) and the sign-in page (a page with no data).
/// </summary>
internal static partial class ReviewHttpBenchmark
{
    private const int WarmUp = 3;

    public static async Task RunAsync(ReviewStore store, string folder, ReviewBenchmarkOptions options)
    {
        var data = new DataDirectory(Path.Combine(folder, "data"), Path.Combine(folder, "data", DataDirectory.DefaultDatabaseName));
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        data.EnsureCreated();
        File.Copy(store.File, data.DatabaseFile);

        // ReviewPage names the web assembly (the benchmark's own Program would shadow the app's); no
        // test manifest names its folder, so the content root is given from the solution.
        await using var factory = new WebApplicationFactory<ReviewPage>().WithWebHostBuilder(builder => builder
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

        using var client = Client(address);
        using var anonymous = Client(address);
        await SignInAsync(client, File.ReadAllText(Path.Combine(data.Root, "admin-password.txt")).Trim());

        var review = $"/review?dataset={Uri.EscapeDataString(store.DatasetName)}";
        var body = await GetAsync(client, review);
        if (!body.Contains("row-", StringComparison.Ordinal))
            throw new InvalidOperationException("The review page came back without rows: is the dataset there and the session signed in?");

        Console.WriteLine();
        Console.WriteLine($"Full HTTP render over Kestrel on loopback, signed in, {options.Iterations} requests each after {WarmUp} warm-up requests, in turn (ms):");
        Console.WriteLine($"{"GET",-34}{"bytes",10}{"p50/p95/max",24}");
        // The sign-in page is asked for signed out: a signed-in session is sent on from it.
        (string Path, string Name, HttpClient By)[] gets =
        [
            ("/css/app.css", "/css/app.css (baseline)", client),
            ("/account/login", "/account/login (baseline)", anonymous),
            (review, review, client),
        ];
        var latencies = await Latency.InTurnAsync(WarmUp, options.Iterations, gets.Select(g => (Func<int, Task>)(_ => GetAsync(g.By, g.Path))).ToArray());
        for (var g = 0; g < gets.Length; g++)
            Console.WriteLine($"{gets[g].Name,-34}{(await GetAsync(gets[g].By, gets[g].Path)).Length,10:N0}{latencies[g],24}");
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>A browser-like client: keeps cookies, never follows redirects, gives up after a minute.</summary>
    private static HttpClient Client(Uri address) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The way a browser signs in: GET the form, POST it back with its antiforgery token, keep the cookie.</summary>
    private static async Task SignInAsync(HttpClient client, string password)
    {
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
