using System.Globalization;
using MMEvol.Core.Jobs;

namespace MMEvol.Core.Evolution;

/// <summary>
/// A job's model calls cost what the user allowed: no new unit starts, the units in flight finish
/// (their calls are paid for), and the job stops cleanly with everything it did kept.
/// </summary>
public sealed class CostLimitReachedException(double limit, double spent) : JobStoppedException(string.Create(CultureInfo.InvariantCulture,
    $"Stopped at the cost limit: ${spent:0.0000} spent of ${limit:0.0000} allowed. Everything done so far is kept; run the same command with a higher --max-cost to continue."))
{
    public double Limit { get; } = limit;
    public double Spent { get; } = spent;

    public static bool Reached(double? limit, double spent) => limit is { } max && spent >= max;
}
