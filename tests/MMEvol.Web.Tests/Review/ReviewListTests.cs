using Bunit;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Web.Components.Pages.Review;

namespace MMEvol.Web.Tests.Review;

public sealed class ReviewListTests
{
    private static readonly ReviewRow Row = new(11, 3, "scene-3", 2, Direction.Reasoning, "Which circle is larger?", 6.5, 6.5,
        Decision.Kept, ReviewState.Unreviewed, RoundStatus.Evolved, true, 1);

    [Fact]
    public async Task WhileAPageIsRead_TheListSaysSo_AndKeepsTheRowsItHas()
    {
        await using var context = ComponentContext.Create();

        var list = context.Render<ReviewList>(p => p.Add(c => c.Rows, [Row]).Add(c => c.Count, 1).Add(c => c.Loading, true));

        Assert.Single(list.FindAll(".review-loading"));
        Assert.Contains("1 item", list.Markup);
        Assert.Equal("media/records/3/thumb", list.Find("img.review-thumb").GetAttribute("src"));
        list.Render(p => p.Add(c => c.Loading, false));
        Assert.Empty(list.FindAll(".review-loading"));
    }
}
