using MMEvol.Benchmarks;
using MMEvol.Benchmarks.Evolve;
using MMEvol.Benchmarks.Import;
using MMEvol.Benchmarks.Llm;
using MMEvol.Benchmarks.Thresholds;
using MMEvol.Benchmarks.Review;
using MMEvol.Benchmarks.Train;

// Benchmarks are run by hand (README, "Benchmarks"), never by the test command: each prints its
// figures beside a baseline measured in the same run, because absolute times vary by machine.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["import"] = ImportBenchmark.RunAsync,
    ["evolve"] = EvolveBenchmark.RunAsync,
    ["llm"] = LlmBenchmark.RunAsync,
    ["review"] = ReviewBenchmark.RunAsync,
    ["thresholds"] = ThresholdsBenchmark.RunAsync,
    ["train"] = TrainBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/MMEvol.Benchmarks -- <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}
return await run(args[1..]);
