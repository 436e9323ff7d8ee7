using static MMEvol.Core.Tests.Elimination.JudgeScenes;

namespace MMEvol.Core.Tests.Elimination;

/// <summary>
/// Color, position, region, size and distance against <see cref="JudgeScenes.Four"/>: red circle top
/// left (0.20, 0.20), green triangle top (0.50, 0.15), blue square bottom right (0.75, 0.75), yellow
/// triangle bottom left (0.15, 0.80); areas 0.04, 0.01, 0.09, 0.01.
/// </summary>
public sealed class GeometryClaimTests
{
    [Theory]
    [InlineData("The circle is red.")]
    [InlineData("The square is blue.")]
    [InlineData("The color of the square is blue.")]
    [InlineData("The square is not green.")]
    [InlineData("The circle is not the same color as the square.")]
    [InlineData("The red circle is to the left of the blue square.")]
    [InlineData("The blue square is right of the yellow triangle.")]
    [InlineData("The green triangle is above the blue square.")]
    [InlineData("The yellow triangle is below the red circle.")]
    [InlineData("The blue square is not above the red circle.")]
    [InlineData("The red circle is in the top left corner of the picture.")]
    [InlineData("The green triangle is at the top of the image.")]
    [InlineData("The blue square is in the bottom right of the image.")]
    [InlineData("The yellow triangle is on the left side of the image.")]
    [InlineData("The blue square is in the bottom half of the image.")]
    [InlineData("The blue square is larger than the red circle.")]
    [InlineData("The green triangle is smaller than the red circle.")]
    [InlineData("The largest shape is the blue square.")]
    [InlineData("The red circle is the second largest shape.")]
    [InlineData("The red circle is closest to the green triangle.")]
    [InlineData("The red circle is closer to the green triangle than the blue square is.")]
    [InlineData("The red circle is closer to the green triangle than to the blue square.")]
    public void Contradiction_CorrectGeometry_NotFlagged(string answer)
    {
        Assert.Null(Contradiction(answer));
    }

    [Theory]
    [InlineData("The circle is green.", "the circle is red")]
    [InlineData("The square is red.", "the square is blue")]
    [InlineData("The square is not blue.", "the square is blue")]
    [InlineData("The circle is the same color as the square.", "the circle is red and the square is blue")]
    [InlineData("The blue square is to the left of the red circle.", "the blue square is right of the red circle")]
    [InlineData("The red circle is below the blue square.", "the red circle is above the blue square")]
    [InlineData("The green triangle is further left than the yellow triangle.", "right of")]
    [InlineData("The red circle is in the bottom right corner of the image.", "in the top left")]
    [InlineData("The blue square is at the top of the picture.", "in the bottom right")]
    [InlineData("The green triangle is in the center of the image.", "in the top")]
    [InlineData("The red circle is larger than the blue square.", "the red circle is smaller than the blue square")]
    [InlineData("The largest shape is the red circle.", "the largest shape is the blue square")]
    [InlineData("The green triangle is the largest shape in the image.", "the blue square")]
    [InlineData("The blue square is closest to the red circle.", "the red circle")]
    [InlineData("The blue square is closer to the red circle than the green triangle is.", "the green triangle is nearer")]
    public void Contradiction_WrongGeometry_Flagged(string answer, string fact)
    {
        var reason = Contradiction(answer);

        Assert.NotNull(reason);
        Assert.Contains(fact, reason);
    }

    [Fact]
    public void Contradiction_TriangleColorWithTwoTriangles_NotFlagged()
    {
        // Two triangles: "the triangle" is ambiguous, so no color claim about it is judged.
        Assert.Null(Contradiction("The triangle is purple."));
    }

    [Theory]
    [InlineData("The blue square is to the left of the red circle.")]
    [InlineData("The red circle is right of the blue square.")]
    public void Contradiction_CentersCloserThanMargin_NotFlagged(string answer)
    {
        // Centers 0.02 apart horizontally.
        Assert.Null(Contradiction(answer, detections: [Box("red circle", 0.50, 0.30, 0.2), Box("blue square", 0.52, 0.70, 0.2)]));
    }

    [Theory]
    [InlineData("The red circle is on the left side of the image.")]
    [InlineData("The red circle is in the top left corner of the image.")]
    public void Contradiction_CenterNearARegionLine_NotFlagged(string answer)
    {
        // x = 0.35 lies 0.017 past the first third.
        Assert.Null(Contradiction(answer, detections: [Box("red circle", 0.35, 0.20, 0.1), Box("blue square", 0.80, 0.80, 0.1)]));
    }

    [Theory]
    [InlineData("The red circle is larger than the blue square.")]
    [InlineData("The largest shape is the red circle.")]
    public void Contradiction_AreasWithinMargin_NotFlagged(string answer)
    {
        // Areas 0.0400 and 0.0441: ratio 1.10.
        Assert.Null(Contradiction(answer, detections: [Box("red circle", 0.2, 0.2, 0.20), Box("blue square", 0.7, 0.7, 0.21), Box("green triangle", 0.2, 0.8, 0.05)]));
    }

    [Theory]
    [InlineData("The blue square is closest to the red circle.")]
    [InlineData("The blue square is closer to the red circle than the green triangle is.")]
    public void Contradiction_DistancesWithinMargin_NotFlagged(string answer)
    {
        // Red circle to blue square 0.300, to green triangle 0.310: ratio 1.03.
        Assert.Null(Contradiction(answer, detections: [Box("red circle", 0.5, 0.5, 0.1), Box("blue square", 0.8, 0.5, 0.1), Box("green triangle", 0.5, 0.81, 0.1)]));
    }
}
