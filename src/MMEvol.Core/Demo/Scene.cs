using System.Globalization;
using MMEvol.Core.Model;

namespace MMEvol.Core.Demo;

/// <summary>A synthetic picture: objects in painter's order (later ones are drawn over earlier ones).</summary>
public sealed record Scene(int Width, int Height, Backdrop Background, string Theme, IReadOnlyList<SceneObject> Objects)
{
    public IReadOnlyList<Detection> Detections() => Objects.Select(DetectionOf).ToList();

    public Detection DetectionOf(SceneObject item)
    {
        var box = item.Visible;
        return new Detection(
            item.Label,
            Normalize(box.X, Width),
            Normalize(box.Y, Height),
            Normalize(box.Right, Width),
            Normalize(box.Bottom, Height));
    }

    /// <summary>The distinct labels present, in ordinal order.</summary>
    public IReadOnlyList<string> Labels() =>
        Objects.Select(o => o.Label).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>A key that is equal for two scenes that would render the same picture.</summary>
    public string Signature() =>
        string.Join(';', Objects.Select(o => string.Create(
            CultureInfo.InvariantCulture,
            $"{o.Label}@{o.Bounds.X},{o.Bounds.Y},{o.Bounds.Width}")).Prepend(Background.ToString()));

    // METHOD.md: boxes are given to the model with 3 decimals.
    private static double Normalize(int pixels, int extent) => Math.Round(pixels / (double)extent, 3);
}
