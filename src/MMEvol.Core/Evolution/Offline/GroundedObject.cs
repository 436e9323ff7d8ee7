using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>One detection with what the questions read from it: centers, area, noun and color word.</summary>
internal sealed record GroundedObject(int Index, Detection Box, string Label)
{
    public string Noun { get; } = LabelWords.Noun(Label);
    public string? Color { get; } = LabelWords.Color(Label);
    public double CenterX => (Box.X1 + Box.X2) / 2;
    public double CenterY => (Box.Y1 + Box.Y2) / 2;
    public double Area => Box.Area;

    public double DistanceTo(GroundedObject other) =>
        Math.Sqrt(Math.Pow(CenterX - other.CenterX, 2) + Math.Pow(CenterY - other.CenterY, 2));

    /// <summary>Signed center offset along a relation's axis: positive when this object is "relation" the other.</summary>
    public double Offset(string relation, GroundedObject other) => relation switch
    {
        Relations.LeftOf => other.CenterX - CenterX,
        Relations.RightOf => CenterX - other.CenterX,
        Relations.Above => other.CenterY - CenterY,
        _ => CenterY - other.CenterY,
    };
}
