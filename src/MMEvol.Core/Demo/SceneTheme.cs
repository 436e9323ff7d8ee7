namespace MMEvol.Core.Demo;

/// <summary>
/// A palette that biases which colors and shapes appear together. Themes make object
/// co-occurrence non-uniform, so POPE's "popular" and "adversarial" samplings pick different
/// absent objects than its "random" one.
/// </summary>
internal sealed record SceneTheme(
    string Name,
    Backdrop Background,
    int Weight,
    IReadOnlyDictionary<ShapeColor, int> ColorWeights,
    IReadOnlyDictionary<ShapeKind, int> ShapeWeights)
{
    public (ShapeColor Color, ShapeKind Shape) SampleLabel(Random random) =>
        (Pick(ColorWeights, random), Pick(ShapeWeights, random));

    internal static T Pick<T>(IReadOnlyDictionary<T, int> weights, Random random)
        where T : struct, Enum
    {
        // Enumerate in enum order: dictionary order is an implementation detail and the draw must not depend on it.
        var keys = Enum.GetValues<T>().Where(weights.ContainsKey).ToList();
        var roll = random.Next(keys.Sum(k => weights[k]));
        foreach (var key in keys)
        {
            roll -= weights[key];
            if (roll < 0)
            {
                return key;
            }
        }

        throw new InvalidOperationException("Weights must be positive.");
    }
}
