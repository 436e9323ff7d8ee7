using Bunit;
using MMEvol.Core.Review;
using MMEvol.Web.Components.Pages.Review;

namespace MMEvol.Web.Tests.Review;

public sealed class ReviewFiltersTests
{
    [Fact]
    public async Task FailedRoundsSwitch_AddsTheFilter_KeepingTheOthers()
    {
        await using var context = ComponentContext.Create();
        var filter = new ReviewFilter(3) { MinScore = 5, Sort = ReviewSort.ByScoreDescending };
        ReviewFilter? changed = null;
        var filters = context.Render<ReviewFilters>(p => p.Add(c => c.Filter, filter).Add(c => c.FilterChanged, f => changed = f));

        filters.Find(".mud-switch input").Change(true);

        Assert.Equal(filter with { FailedRounds = true }, changed);
    }

    [Fact]
    public async Task ScoreBounds_BecomeTheRange()
    {
        await using var context = ComponentContext.Create();
        ReviewFilter? changed = null;
        var filters = context.Render<ReviewFilters>(p => p.Add(c => c.Filter, new ReviewFilter(3)).Add(c => c.FilterChanged, f => changed = f));

        filters.FindAll("input").First(i => i.GetAttribute("inputmode") is "decimal" or "numeric").Change("6.5");

        Assert.Equal(new ReviewFilter(3) { MinScore = 6.5 }, changed);
    }
}
