using System.Diagnostics;

namespace MMEvol.Benchmarks.Review;

/// <summary>Milliseconds per call of one operation: median, 95th percentile (nearest rank) and worst, after a warm-up.</summary>
internal sealed record Latency(double P50, double P95, double Max, int Calls)
{
    public static async Task<Latency> MeasureAsync(int warmUp, int calls, Func<int, Task> operation)
    {
        for (var i = 0; i < warmUp; i++)
            await operation(i);
        var times = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation(warmUp + i);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return new Latency(Rank(times, 0.50), Rank(times, 0.95), times[^1], calls);
    }

    public override string ToString() => $"{P50,8:N1}{P95,8:N1}{Max,8:N1}";

    private static double Rank(double[] sorted, double share) => sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
