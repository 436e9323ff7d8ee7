using System.Globalization;

namespace MMEvol.Web.Components.Charts;

/// <summary>A linear axis with round ticks that cover the data (1, 2 or 5 times a power of ten apart).</summary>
public sealed record ChartAxis(double Min, double Max, double Step)
{
    public static ChartAxis Nice(double min, double max, int ticks = 4, bool fromZero = false)
    {
        if (fromZero)
            min = Math.Min(0, min);
        if (!(max > min))
            max = min + (min == 0 ? 1 : Math.Abs(min) * 0.1);
        var rough = (max - min) / Math.Max(1, ticks);
        var exponent = Math.Floor(Math.Log10(rough));
        // Dividing by 10^n rather than multiplying by 10^-n keeps 5e-4 the double nearest to it, so ticks land on round values.
        double Scaled(double factor) => exponent < 0 ? factor / Math.Pow(10, -exponent) : factor * Math.Pow(10, exponent);
        var step = Scaled((rough / Scaled(1)) switch { <= 1 => 1, <= 2 => 2, <= 5 => 5, _ => 10 });
        return new ChartAxis(Math.Floor(min / step + 1e-9) * step, Math.Ceiling(max / step - 1e-9) * step, step);
    }

    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= count; i++)
            yield return Min + i * Step;
    }

    /// <summary>The value's place between two pixel positions: <paramref name="from"/> at Min, <paramref name="to"/> at Max.</summary>
    public double Map(double value, double from, double to) => from + (to - from) * (value - Min) / (Max - Min);

    /// <summary>Short labels: 0.001 reads 1e-3, 12000 reads 12k.</summary>
    public static string Label(double value) => Math.Abs(value) switch
    {
        0 => "0",
        < 0.01 => value.ToString("0.#e0", CultureInfo.InvariantCulture),
        >= 10_000 => (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
