using MMEvol.Web.Components.Pages.Review;

namespace MMEvol.Web.Tests.Review;

public sealed class WordDiffTests
{
    [Theory]
    [InlineData("What color is the circle?", "What color is the small circle?")]
    [InlineData("What color is the background?", "Fill in the blank: the number of squares is ___.")]
    [InlineData("", "A new question.")]
    [InlineData("line one\nline two", "line one\n\nline three")]
    public void Pieces_RebuildBothTexts_WhitespaceIncluded(string parent, string child)
    {
        var pieces = WordDiff.Of(parent, child);

        Assert.Equal(child, string.Concat(pieces.Where(p => p.Kind != WordDiff.Kind.Removed).Select(p => p.Text)));
        Assert.Equal(parent, string.Concat(pieces.Where(p => p.Kind != WordDiff.Kind.Added).Select(p => p.Text)));
    }

    [Fact]
    public void InsertedWord_IsTheOnlyChange()
    {
        var pieces = WordDiff.Of("What color is the circle?", "What color is the small circle?");

        Assert.Equal([("small ", WordDiff.Kind.Added)], pieces.Where(p => p.Kind != WordDiff.Kind.Same).Select(p => (p.Text, p.Kind)));
    }
}
