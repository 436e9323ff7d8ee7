using static MMEvol.Core.Tests.Elimination.JudgeScenes;

namespace MMEvol.Core.Tests.Elimination;

/// <summary>Answers that make a claim only together with their question, against <see cref="JudgeScenes.Four"/>.</summary>
public sealed class QuestionClaimTests
{
    private const string ShapeChoice = "Which of these shapes is in the image?\nA. purple circle\nB. red circle\nC. orange hexagon\nD. black cross";
    private const string CountChoice = "How many triangles are in the picture? A. 1 B. 2 C. 3 D. 4";
    private const string StatementChoice = "Which statement is true?\nA. The red circle is left of the blue square.\nB. The circle is green.";

    [Theory]
    [InlineData("Is there a red circle in the image?", "Yes.")]
    [InlineData("Is there a purple circle in the image?", "No.")]
    [InlineData("Are there 2 triangles?", "Yes, there are.")]
    [InlineData("Is the red circle to the left of the blue square?", "Yes")]
    [InlineData("Is the blue square larger than the red circle?", "Yes, it is.")]
    [InlineData("Does the image contain a hexagon?", "No, it does not.")]
    [InlineData("How many triangles are there?", "2")]
    [InlineData("How many triangles are there in the image?", "Two triangles.")]
    [InlineData("How many hexagons can you see?", "None.")]
    [InlineData("What color is the circle?", "Red.")]
    [InlineData("Where is the red circle?", "Top left.")]
    [InlineData("Where is the blue square?", "In the bottom right corner.")]
    [InlineData("Which shape is the largest?", "The blue square.")]
    [InlineData("Which is further left, the red circle or the blue square?", "The red circle")]
    [InlineData("Which shape is closest to the green triangle?", "The red circle.")]
    [InlineData(ShapeChoice, "B")]
    [InlineData(ShapeChoice, "B. red circle")]
    [InlineData(CountChoice, "(B)")]
    [InlineData(StatementChoice, "A")]
    [InlineData("True or false: \"The red circle is to the left of the blue square.\"", "True.")]
    [InlineData("True or false: \"The circle is green.\"", "False.")]
    [InlineData("Is the statement 'There are 3 triangles' correct?", "No.")]
    [InlineData("Fill in the blank: There are ___ triangles in the image.", "two")]
    [InlineData("Fill in the blank: The ___ is the largest shape.", "blue square")]
    [InlineData("Fill in the blank: The red circle is in the ___ of the image.", "The blank is top left.")]
    [InlineData("Does this statement match the image? \"The red circle is left of the blue square.\"", "Yes.")]
    [InlineData("Which of these objects does the image not contain?\nA. red circle\nB. purple circle", "B")]
    [InlineData("Which is closer to the green triangle: the red circle or the blue square?", "The red circle")]
    [InlineData("How many objects lie left of the blue square?", "3")]
    [InlineData("Which object lies nearest to the green triangle?", "The red circle is closest to the green triangle.")]
    public void Contradiction_CorrectAnswer_NotFlagged(string question, string answer)
    {
        Assert.Null(Contradiction(answer, question));
    }

    [Theory]
    [InlineData("Is there a red circle in the image?", "No.", "the image has 1 red circle")]
    [InlineData("Is there a purple circle in the image?", "Yes.", "no purple circles")]
    [InlineData("Are there 3 triangles?", "Yes.", "the image has 2 triangles")]
    [InlineData("Is the red circle to the left of the blue square?", "No.", "the red circle is left of the blue square")]
    [InlineData("How many triangles are there?", "3", "the image has 2 triangles")]
    [InlineData("What color is the circle?", "Green.", "the circle is red")]
    [InlineData("Where is the red circle?", "Bottom right.", "in the top left")]
    [InlineData("Which shape is the largest?", "The red circle.", "the largest shape is the blue square")]
    [InlineData("Which is further left, the red circle or the blue square?", "The blue square", "right of")]
    [InlineData(ShapeChoice, "A", "purple circle")]
    [InlineData(CountChoice, "C. 3", "the image has 2 triangles")]
    [InlineData(StatementChoice, "B", "the circle is red")]
    [InlineData("True or false: \"The red circle is to the left of the blue square.\"", "False.", "left of the blue square")]
    [InlineData("True or false: \"The circle is green.\"", "True.", "the circle is red")]
    [InlineData("Fill in the blank: There are ___ triangles in the image.", "3", "the image has 2 triangles")]
    [InlineData("Fill in the blank: The ___ is the largest shape.", "red circle", "the blue square")]
    [InlineData("Fill in the blank: The red circle is in the ___ of the image.", "The blank is bottom right.", "in the top left")]
    [InlineData("Does this statement match the image? \"The red circle is left of the blue square.\"", "No.", "left of the blue square")]
    [InlineData("Which of these objects does the image not contain?\nA. red circle\nB. purple circle", "A", "the image has 1 red circle")]
    [InlineData("Which is closer to the green triangle: the red circle or the blue square?", "The blue square", "the red circle is nearer")]
    [InlineData("How many objects lie left of the blue square?", "1", "3 objects clearly lie left of the blue square")]
    [InlineData("Which object lies nearest to the green triangle?", "The yellow triangle.", "the shape nearest to the green triangle is the red circle")]
    public void Contradiction_WrongAnswer_Flagged(string question, string answer, string fact)
    {
        var reason = Contradiction(answer, question);

        Assert.NotNull(reason);
        Assert.Contains(fact, reason);
    }

    [Theory]
    [InlineData("Is the red circle to the left of the blue square?", "No.")]
    [InlineData("Which is further left, the red circle or the blue square?", "The blue square")]
    public void Contradiction_AnswerOnACloseCall_NotFlagged(string question, string answer)
    {
        Assert.Null(Contradiction(answer, question, [Box("red circle", 0.50, 0.30, 0.2), Box("blue square", 0.52, 0.70, 0.2)]));
    }

    [Fact]
    public void Contradiction_NearestWhereOnlyTheQuestionFixesTheReading_Flagged()
    {
        // The blue square is nearest to the red circle (0.2 vs 0.3), but the red circle is nearest to the green triangle.
        var detections = new[] { Box("red circle", 0.5, 0.5, 0.1), Box("blue square", 0.5, 0.7, 0.1), Box("green triangle", 0.5, 0.2, 0.1) };

        Assert.Null(Contradiction("The green triangle is closest to the red circle.", detections: detections));
        Assert.NotNull(Contradiction("The green triangle is closest to the red circle.", "Which object sits closest to the red circle?", detections));
    }

    [Theory]
    [InlineData("Why might someone draw these shapes?", "No.")]
    [InlineData("What could the red circle represent?", "A sun rising over a blue square house.")]
    [InlineData("Which option fits? A. maybe B. perhaps", "A")]
    public void Contradiction_AnswerItCannotRead_NotFlagged(string question, string answer)
    {
        Assert.Null(Contradiction(answer, question));
    }
}
