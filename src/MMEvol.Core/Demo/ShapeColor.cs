namespace MMEvol.Core.Demo;

/// <summary>Object colors, chosen far apart in RGB so that every pixel names its object's color.</summary>
public enum ShapeColor
{
    Red,
    Orange,
    Yellow,
    Green,
    Blue,
    Purple,
    Black,
}
