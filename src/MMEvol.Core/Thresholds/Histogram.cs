namespace MMEvol.Core.Thresholds;

/// <summary>
/// Counts in equal bins from <see cref="Min"/>; values outside fall into the first or last bin,
/// missing ones are counted apart. Small integer bins suit what is histogrammed: 0-10 scores and
/// gains in counts of steps, skills and objects.
/// </summary>
public sealed class Histogram(double min, double width, int bins)
{
    private readonly int[] _counts = new int[bins];

    public double Min { get; } = min;
    public double Width { get; } = width;
    public IReadOnlyList<int> Counts => _counts;
    public int Missing { get; private set; }

    /// <summary>The lower edge of bin <paramref name="bin"/>.</summary>
    public double Edge(int bin) => Min + bin * Width;

    internal void Add(double value)
    {
        if (double.IsNaN(value))
        {
            Missing++;
            return;
        }
        _counts[Math.Clamp((int)Math.Floor((value - Min) / Width), 0, _counts.Length - 1)]++;
    }
}
