using System.Diagnostics;

namespace MMEvol.Benchmarks.Review;

/// <summary>Milliseconds per call of one operation: median, 95th percentile (nearest rank) and worst, after a warm-up.</summary>
internal sealed record Latency(double P50, double P95, double Max, int Calls)
{
    /// <summary>
    /// Operations timed in turn, call by call, so that all see the same machine: on a shared machine
    /// a load that comes and goes would otherwise land on one of them only.
    /// </summary>
    public static async Task<Latency[]> InTurnAsync(int warmUp, int calls, params Func<int, Task>[] operations)
    {
        var times = operations.Select(_ => new double[calls]).ToArray();
        var watch = new Stopwatch();
        for (var i = 0; i < warmUp + calls; i++)
        {
            for (var o = 0; o < operations.Length; o++)
            {
                watch.Restart();
                await operations[o](i);
                if (i >= warmUp)
                    times[o][i - warmUp] = watch.Elapsed.TotalMilliseconds;
            }
        }
        return times.Select(Of).ToArray();
    }

    public override string ToString() => $"{P50,8:N1}{P95,8:N1}{Max,8:N1}";

    private static Latency Of(double[] times)
    {
        Array.Sort(times);
        return new Latency(Rank(times, 0.50), Rank(times, 0.95), times[^1], times.Length);
    }

    private static double Rank(double[] sorted, double share) => sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
