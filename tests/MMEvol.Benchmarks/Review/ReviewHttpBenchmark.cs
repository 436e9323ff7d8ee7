using MMEvol.Benchmarks.Web;

namespace MMEvol.Benchmarks.Review;

/// <summary>
/// The review page as a signed-in browser first gets it: the real web host on Kestrel (loopback)
/// over a copy of the generated store, GET /review?dataset=NAME with the whole server-rendered body
/// read, beside a static asset (the pipeline's floor) and the sign-in page (a page with no data).
/// </summary>
internal static class ReviewHttpBenchmark
{
    private const int WarmUp = 3;

    public static async Task RunAsync(ReviewStore store, string folder, ReviewBenchmarkOptions options)
    {
        await using var host = BenchmarkWebHost.Start(store.File, folder);
        using var client = host.Client();
        using var anonymous = host.Client();
        await host.SignInAsync(client);

        var review = $"/review?dataset={Uri.EscapeDataString(store.DatasetName)}";
        var body = await BenchmarkWebHost.GetAsync(client, review);
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
        var latencies = await Latency.InTurnAsync(WarmUp, options.Iterations, gets.Select(g => (Func<int, Task>)(_ => BenchmarkWebHost.GetAsync(g.By, g.Path))).ToArray());
        for (var g = 0; g < gets.Length; g++)
            Console.WriteLine($"{gets[g].Name,-34}{(await BenchmarkWebHost.GetAsync(gets[g].By, gets[g].Path)).Length,10:N0}{latencies[g],24}");
    }
}
