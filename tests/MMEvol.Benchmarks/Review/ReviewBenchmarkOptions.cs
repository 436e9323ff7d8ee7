using System.Globalization;

namespace MMEvol.Benchmarks.Review;

/// <summary>The review benchmark's command line: [--records N] [--iterations N] [--deep-page N] [--regenerate] [--no-http].</summary>
internal sealed record ReviewBenchmarkOptions
{
    public int Records { get; init; } = 165_000;
    public int Iterations { get; init; } = 30;
    public int CountIterations { get; init; } = 5;
    public int LineageIterations { get; init; } = 100;
    public int DeepPage { get; init; } = 200;
    public bool Regenerate { get; init; }
    public bool Http { get; init; } = true;

    public static ReviewBenchmarkOptions Parse(string[] args)
    {
        var options = new ReviewBenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            int Number() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--records" => options with { Records = Number() },
                "--iterations" => options with { Iterations = Number() },
                "--deep-page" => options with { DeepPage = Number() },
                "--regenerate" => options with { Regenerate = true },
                "--no-http" => options with { Http = false },
                var other => throw new ArgumentException($"Unknown option {other}; expected --records N, --iterations N, --deep-page N, --regenerate, --no-http."),
            };
        }
        return options;
    }
}
