using MMEvol.Core.Formats;
using static MMEvol.Core.Tests.Elimination.JudgeScenes;

namespace MMEvol.Core.Tests.Elimination;

/// <summary>Objects named that <see cref="JudgeScenes.Four"/> lacks: no purple circle, red square or hexagon.</summary>
public sealed class GroundingTests
{
    [Fact]
    public void Judge_ObjectsListNamesAbsentLabel_NotImprovedWithReason()
    {
        var verdict = JudgeOne(Item("What color is the circle?", "The circle is red.", objects: ["red circle", "purple circle"]));

        Assert.False(verdict.Improved);
        Assert.Contains("purple circle", verdict.Reason);
    }

    [Theory]
    [InlineData("What color is the purple circle?", "It is purple.", "purple circle")]
    [InlineData("Is the red square left of the blue circle?", "Yes.", "red square")]
    [InlineData("Where is the hexagon?", "The hexagon is in the center.", "hexagon")]
    [InlineData("Describe the picture.", "A red circle sits above an orange triangle.", "orange triangle")]
    public void Judge_TextNamesAbsentObject_NotImprovedWithReason(string question, string answer, string named)
    {
        var verdict = JudgeOne(SourceItem.Plain(question, answer));

        Assert.False(verdict.Improved);
        Assert.Equal($"names {(named[0] == 'o' ? "an" : "a")} {named}, which is not in the image", verdict.Reason);
    }

    [Fact]
    public void Judge_StepNamesAbsentObject_NotImproved()
    {
        var item = SourceItem.Plain("Which shape is the largest?", "The blue square is the largest shape.") with
        {
            Steps = [new("Grounding_1(black cross)->bbx_1", "Locate the black cross.")],
        };

        Assert.Contains("black cross", JudgeOne(item).Reason);
    }

    [Theory]
    [InlineData("Is there a purple circle in the image?", "No, there is no purple circle.")]
    [InlineData("How many hexagons are there?", "There are no hexagons.")]
    [InlineData("Which object is missing from the image?\nA. red circle\nB. purple circle", "B. purple circle")]
    [InlineData("Which of these shapes is in the image?\nA. purple circle\nB. red circle", "B")]
    [InlineData("True or false: \"There is a black cross in the picture.\"", "False, there is no black cross.")]
    [InlineData("Fill in the blank: There is no ___ in the image.", "hexagon")]
    [InlineData("Are all the shapes hexagons?", "No, they are circles, squares and triangles.")]
    public void Judge_AbsentObjectOnlyAskedAboutOrDenied_Improved(string question, string answer)
    {
        var verdict = JudgeOne(SourceItem.Plain(question, answer));

        Assert.True(verdict.Improved, verdict.Reason);
    }

    [Fact]
    public void Judge_NoDetections_SkipsGroundingAndClaims()
    {
        var item = SourceItem.Plain("What color is the purple circle?", "There are 7 purple circles.");

        var verdict = JudgeOne(item, detections: []);

        Assert.True(verdict.Improved, verdict.Reason);
        Assert.InRange(verdict.Score!.Value, 2.5, 5);
    }
}
