using static MMEvol.Core.Tests.Elimination.JudgeScenes;

namespace MMEvol.Core.Tests.Elimination;

/// <summary>Counts and existence against <see cref="JudgeScenes.Four"/>: 2 triangles, 1 red circle, 1 blue square.</summary>
public sealed class CountClaimTests
{
    [Theory]
    [InlineData("There are 2 triangles.")]
    [InlineData("There are two triangles and a square in the image.")]
    [InlineData("I can see two triangles, a circle and a square.")]
    [InlineData("There is 1 red circle.")]
    [InlineData("There are four shapes in the picture.")]
    [InlineData("In total, there are 4 shapes.")]
    [InlineData("The number of triangles is 2.")]
    [InlineData("The image contains one blue square and two triangles.")]
    [InlineData("There are no hexagons.")]
    [InlineData("There is no purple circle in the image.")]
    [InlineData("Yes, there is a red circle.")]
    [InlineData("No hexagon is visible.")]
    [InlineData("The purple circle is not in the image.")]
    [InlineData("There is 1 yellow shape.")]
    [InlineData("Two triangles are visible.")]
    [InlineData("There are more triangles than circles.")]
    [InlineData("3 objects lie left of the blue square.")]
    [InlineData("No object lies above the green triangle.")]
    [InlineData("There is 1 triangle below the red circle.")]
    public void Contradiction_CorrectCount_NotFlagged(string answer)
    {
        Assert.Null(Contradiction(answer));
    }

    [Theory]
    [InlineData("There are 3 triangles.", "the image has 2 triangles")]
    [InlineData("I can see three triangles and a square.", "the image has 2 triangles")]
    [InlineData("There are 2 red circles.", "the image has 1 red circle")]
    [InlineData("There are five shapes in the picture.", "the image has 4 shapes")]
    [InlineData("The number of squares is 3.", "the image has 1 square")]
    [InlineData("There is a purple circle.", "the image has no purple circles")]
    [InlineData("There are no triangles.", "the image has 2 triangles")]
    [InlineData("No, there is no red circle.", "the image has 1 red circle")]
    [InlineData("The blue square is not in the image.", "the image has 1 blue square")]
    [InlineData("Three triangles are visible.", "the image has 2 triangles")]
    [InlineData("There are more circles than triangles.", "the image has 1 circle and 2 triangles")]
    [InlineData("1 object lies left of the blue square.", "3 objects clearly lie left of the blue square")]
    [InlineData("2 objects lie above the red circle.", "1 object clearly lies above the red circle")]
    public void Contradiction_WrongCount_Flagged(string answer, string fact)
    {
        var reason = Contradiction(answer);

        Assert.NotNull(reason);
        Assert.Contains(fact, reason);
    }

    [Theory]
    [InlineData("There are several triangles.")]
    [InlineData("There are 3 large triangles.")]
    [InlineData("There are 3 stars.")]
    [InlineData("Counting carefully is hard with 7 things around.")]
    public void Contradiction_CountItCannotRead_NotFlagged(string answer)
    {
        Assert.Null(Contradiction(answer));
    }

    [Fact]
    public void Contradiction_RelativeCountWithAnObjectNearTheLine_NotFlagged()
    {
        // The green triangle's center is 0.02 left of the red circle's: it may or may not count.
        var detections = new[] { Box("red circle", 0.50, 0.5, 0.1), Box("green triangle", 0.48, 0.2, 0.1), Box("blue square", 0.2, 0.8, 0.1) };

        Assert.Null(Contradiction("2 objects lie left of the red circle.", detections: detections));
        Assert.Null(Contradiction("1 object lies left of the red circle.", detections: detections));
        Assert.NotNull(Contradiction("3 objects lie left of the red circle.", detections: detections));
    }
}
