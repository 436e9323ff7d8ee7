using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Benchmarks.Evolve;
using MMEvol.Core.Evolution;
using MMEvol.Core.Llm;
using MMEvol.Core.Storage;
using MMEvol.Testing;

namespace MMEvol.Benchmarks.Llm;

/// <summary>
/// Issue 4's figure: records evolved + judged + committed per second through Semantic Kernel over
/// loopback HTTP at concurrency 16, against a stub that answers at once, beside the raw capacity
/// of the same stub driven by a plain HttpClient at the same concurrency in the same run: the
/// very requests the run sent (prompts and images), replayed. Stub and client share the machine.
/// Two rounds: the first prepares every image (decode, shrink, JPEG), the second finds them prepared,
/// as rounds 2 and 3 of a real run do. Targets: at least half the raw capacity (two calls per
/// record) and at least 500 records/s.
/// </summary>
internal static class LlmBenchmark
{
    private const int Concurrency = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var images = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3_000;
        var root = Path.Combine(Path.GetTempPath(), "mmevol-bench", $"llm-{images}");
        var data = new DataDirectory(root, Path.Combine(root, "llm.db"));
        var seedStore = await EvolveBenchmark.SeedStoreAsync(data, images);
        await using var stub = await ChatCompletionsStub.StartAsync(r => FakeModel.Answer(r), record: true);

        await using var services = await EvolveBenchmark.ServicesOnCopyAsync(seedStore, data);
        var settings = new EvolveSettings
        {
            Rounds = 2,
            Evolver = "llm",
            Judge = "llm",
            Concurrency = Concurrency,
            Llm = new LlmOptions { Endpoint = stub.BaseUrl.ToString(), Model = "stub" },
        };
        // Round boundaries come from the run's own log lines: "Round r: N record(s) to evolve" opens round r.
        var marks = new List<TimeSpan>();
        var watch = Stopwatch.StartNew();
        var summary = await services.GetRequiredService<EvolutionRun>().RunAsync(1, settings, null, null, line =>
        {
            if (line.Contains("to evolve", StringComparison.Ordinal))
                marks.Add(watch.Elapsed);
            return Task.CompletedTask;
        }, CancellationToken.None);
        marks.Add(watch.Elapsed);

        var bodies = stub.Requests.Select(r => r.Body).ToList();
        var raw = await ReplayAsync(stub.BaseUrl, bodies);
        var semanticKernel = await ReplayThroughClientAsync(settings.Llm, bodies);
        Console.WriteLine($"{images:N0} records x 2 rounds evolved + judged + committed at concurrency {Concurrency} " +
            $"({summary.Rounds.Sum(r => r.Failed)} failed)");
        Console.WriteLine();
        Console.WriteLine($"{"",-52}{"requests/s",12}{"records/s",12}");
        Console.WriteLine($"{"plain HttpClient replaying the same requests",-52}{raw,12:N0}{raw / 2,12:N0}");
        Console.WriteLine($"{"Semantic Kernel (LlmClient) alone, the same requests",-52}{semanticKernel,12:N0}{semanticKernel / 2,12:N0}");
        for (var r = 0; r < summary.Rounds.Count; r++)
        {
            var seconds = (marks[r + 1] - marks[r]).TotalSeconds;
            var records = summary.Rounds[r].Evolved + summary.Rounds[r].Failed + summary.Rounds[r].JudgeFailed;
            var label = r == 0 ? "round 1 (images prepared now)" : "round 2 (images already prepared)";
            Console.WriteLine($"{"Semantic Kernel + store, " + label,-52}{2 * records / seconds,12:N0}{records / seconds,12:N0}");
            if (r == summary.Rounds.Count - 1)
                Console.WriteLine($"\nround 2: share of raw capacity {2 * records / seconds / raw:P0} (target >= 50%); {records / seconds:N0} records/s (target >= 500)");
        }
        return 0;
    }

    /// <summary>
    /// Requests per second through <see cref="LlmClient"/> (Semantic Kernel's OpenAI connector and our retry
    /// pipeline) with no evolver, parser or store behind it: the ceiling the run itself can reach.
    /// </summary>
    private static async Task<double> ReplayThroughClientAsync(LlmOptions options, IReadOnlyList<string> bodies)
    {
        var calls = bodies.Select(ToCall).ToList();
        using var client = new LlmClient(options);
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Concurrency), async (_, _) =>
        {
            for (var i = Interlocked.Increment(ref next); i < calls.Count; i = Interlocked.Increment(ref next))
                await client.CompleteAsync(calls[i].System, calls[i].User, calls[i].Jpeg, calls[i].Json, CancellationToken.None);
        });
        return calls.Count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Reads back what <see cref="LlmClient.CompleteAsync"/> was given from the body it sent.</summary>
    private static (string System, string User, byte[]? Jpeg, bool Json) ToCall(string body)
    {
        using var json = JsonDocument.Parse(body);
        var messages = json.RootElement.GetProperty("messages");
        var system = messages[0].GetProperty("content").GetString()!;
        var content = messages[1].GetProperty("content");
        var jsonMode = json.RootElement.TryGetProperty("response_format", out _);
        if (content.ValueKind == JsonValueKind.String)
            return (system, content.GetString()!, null, jsonMode);
        string user = "";
        byte[]? jpeg = null;
        foreach (var part in content.EnumerateArray())
        {
            if (part.GetProperty("type").GetString() == "text")
                user = part.GetProperty("text").GetString()!;
            else
            {
                var url = part.GetProperty("image_url").GetProperty("url").GetString()!;
                jpeg = Convert.FromBase64String(url[(url.IndexOf(',') + 1)..]);
            }
        }
        return (system, user, jpeg, jsonMode);
    }

    /// <summary>Requests per second the stub answers when a plain HttpClient sends the same bodies, 16 at a time.</summary>
    private static async Task<double> ReplayAsync(Uri baseUrl, IReadOnlyList<string> bodies)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency });
        var url = new Uri(baseUrl, "chat/completions");
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Concurrency), async (_, _) =>
        {
            for (var i = Interlocked.Increment(ref next); i < bodies.Count; i = Interlocked.Increment(ref next))
            {
                using var content = new StringContent(bodies[i], Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(url, content);
                await response.Content.ReadAsByteArrayAsync();
            }
        });
        return bodies.Count / watch.Elapsed.TotalSeconds;
    }
}
