namespace MMEvol.Core.Demo;

/// <summary>
/// One drawn object. <see cref="Bounds"/> is the square box the shape was drawn in;
/// <see cref="Visible"/> is the tight box of its pixels left after later objects were painted
/// over it, which is what its detection reports. Areas are pixel counts.
/// </summary>
public sealed record SceneObject(
    ShapeKind Shape,
    ShapeColor Color,
    ObjectSize Size,
    PixelBox Bounds,
    int Area,
    PixelBox Visible,
    int VisibleArea)
{
    /// <summary>The detection label, "&lt;color&gt; &lt;shape&gt;", e.g. "red circle".</summary>
    public string Label => ShapeVocabulary.Label(Color, Shape);

    public bool IsOccluded => VisibleArea < Area;
}
