using MMEvol.Core.Elimination;
using MMEvol.Core.Formats;

namespace MMEvol.Core.Tests.Elimination;

public sealed class CheapChecksTests
{
    private static readonly SourceItem Parent = SourceItem.Plain("What shapes are in the picture?", "I can see two circles and a square.");

    [Fact]
    public void Failure_SameTextUpToCaseSpacingAndPunctuation_NoNewInformation()
    {
        var rewrite = SourceItem.Plain("what SHAPES are in the picture", "I can see  two circles, and a square!");

        Assert.Equal(CheapChecks.NoNewInformation, CheapChecks.Failure(rewrite, Parent));
        Assert.Equal(CheapChecks.NoNewInformation, CheapChecks.Failure(Parent, Parent));
    }

    [Fact]
    public void Failure_NewAnswer_NotNoNewInformation()
    {
        var rewrite = SourceItem.Plain("What shapes are in the picture?", "I can see two circles, a square and a triangle.");

        Assert.Null(CheapChecks.Failure(rewrite, Parent));
        Assert.Null(CheapChecks.Failure(Parent, null));
    }

    [Fact]
    public void Failure_ShortApology_Apology()
    {
        var item = SourceItem.Plain("What is left of the red circle?", "I'm sorry, but I cannot see the image.");

        Assert.Equal(CheapChecks.Apology, CheapChecks.Failure(item, Parent));
    }

    [Fact]
    public void Failure_SorryInALongAnswer_Passes()
    {
        var answer = "Sorry to keep you waiting: " + string.Join(' ', Enumerable.Repeat("the red circle sits left of the square", 12));
        var item = SourceItem.Plain("Describe the picture in detail.", answer);

        Assert.Null(CheapChecks.Failure(item, Parent));
    }

    [Theory]
    [InlineData("What is it?", "It is.")]
    [InlineData("...", "?!")]
    [InlineData("", "")]
    public void Failure_OnlyStopWordsAndPunctuation_StopWordsOnly(string question, string answer)
    {
        Assert.Equal(CheapChecks.StopWordsOnly, CheapChecks.Failure(SourceItem.Plain(question, answer), null));
    }

    [Fact]
    public void Failure_ContentWords_NotStopWordsOnly()
    {
        Assert.Null(CheapChecks.Failure(SourceItem.Plain("What is it?", "It is a circle."), null));
    }

    [Theory]
    [InlineData("#Rewritten Prompt#: How many circles are there?", "Two.")]
    [InlineData("How many circles are there?", "#Given Prompt# asks about circles: two.")]
    [InlineData("Here is the rewritten prompt: how many circles?", "Two.")]
    [InlineData("How many circles are there?", "The given prompt had two circles.")]
    [InlineData("Rewritten instruction: count the circles.", "Two.")]
    [InlineData("How many circles? #Objects# red circle", "Two.")]
    public void Failure_PromptTemplateWords_TemplateEcho(string question, string answer)
    {
        Assert.Equal(CheapChecks.TemplateEcho, CheapChecks.Failure(SourceItem.Plain(question, answer), null));
    }

    [Theory]
    [InlineData("Which languages use the # sign, like C# and F#?", "C# and F# do.")]
    [InlineData("What prompt would you give an artist to draw this image?", "Draw a red circle above a blue square.")]
    public void Failure_HashesAndPromptInOrdinaryText_Passes(string question, string answer)
    {
        Assert.Null(CheapChecks.Failure(SourceItem.Plain(question, answer), null));
    }
}
