namespace MMEvol.Core.Demo;

/// <summary>An object while its scene is being drawn: its visible area shrinks as later objects cover it.</summary>
internal sealed class ShapeDraft(ShapeKind shape, ShapeColor color, ObjectSize size)
{
    public ShapeKind Shape { get; } = shape;
    public ShapeColor Color { get; } = color;
    public ObjectSize Size { get; } = size;
    public PixelBox Box { get; set; }
    public int Area { get; set; }
    public int VisibleArea { get; set; }
}
