using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>
/// How often each direction is drawn: 1/3 each by default (the paper); the released code used
/// 0.5 / 0.25 / 0.25. The draw for (seed, record, round) comes from a hash of the three, so
/// neither the order of work nor a resume changes it.
/// </summary>
public sealed record DirectionWeights(double Perception, double Reasoning, double Interaction)
{
    public static DirectionWeights Equal { get; } = new(1, 1, 1);

    /// <summary>Parses "P,R,I", e.g. "0.5,0.25,0.25".</summary>
    public static DirectionWeights Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && double.IsFinite(v)))
            throw new WorkbenchException($"'{text}' is not three non-negative weights P,R,I (e.g. 0.5,0.25,0.25).");
        var weights = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (weights.Sum() <= 0)
            throw new WorkbenchException("At least one direction weight must be positive.");
        return new DirectionWeights(weights[0], weights[1], weights[2]);
    }

    public Direction Draw(int seed, string recordKey, int round)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}|{recordKey}|{round}|direction")));
        var unit = BitConverter.ToUInt64(hash, 0) / (ulong.MaxValue + 1.0);
        var total = Perception + Reasoning + Interaction;
        var x = unit * total;
        return x < Perception ? Direction.Perception
            : x < Perception + Reasoning ? Direction.Reasoning
            : Direction.Interaction;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Perception:0.###},{Reasoning:0.###},{Interaction:0.###}");
}
