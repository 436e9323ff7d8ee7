namespace MMEvol.Core.Model;

/// <summary>
/// One detected object: a label and a box [x1, y1, x2, y2] normalized to 0..1 of the image's
/// width and height (METHOD.md, "Vocabulary").
/// </summary>
public sealed record Detection(string Label, double X1, double Y1, double X2, double Y2)
{
    public double Width => X2 - X1;
    public double Height => Y2 - Y1;
    public double Area => Math.Max(0, Width) * Math.Max(0, Height);
}
