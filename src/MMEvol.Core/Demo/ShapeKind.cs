namespace MMEvol.Core.Demo;

/// <summary>
/// The shapes of the Shapes world. Each one is a simple pixel test inside a square box, so the
/// renderer needs no drawing library (ImageSharp.Drawing is not available, STACK.md trap 6).
/// </summary>
public enum ShapeKind
{
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
    Hexagon,
}
