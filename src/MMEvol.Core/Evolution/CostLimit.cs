using System.Globalization;

namespace MMEvol.Core.Evolution;

/// <summary>
/// Stops a job once its model calls cost what the user allowed. The job ends Failed with this
/// message and keeps everything it committed: the same command with a higher limit resumes it.
/// </summary>
public sealed class CostLimit(double limit, double spent) : Exception(string.Create(CultureInfo.InvariantCulture,
    $"Stopped at the cost limit: ${spent:0.0000} spent of ${limit:0.0000} allowed. Everything done so far is kept; run the same command with a higher --max-cost to continue."))
{
    public double Limit { get; } = limit;
    public double Spent { get; } = spent;

    public static void ThrowIfReached(double? limit, double spent)
    {
        if (limit is { } max && spent >= max)
            throw new CostLimit(max, spent);
    }
}
