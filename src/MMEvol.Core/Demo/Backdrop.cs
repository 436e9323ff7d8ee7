namespace MMEvol.Core.Demo;

/// <summary>Background colors; none of them is close to an object color.</summary>
public enum Backdrop
{
    LightGray,
    White,
    PaleBlue,
    Cream,
}
