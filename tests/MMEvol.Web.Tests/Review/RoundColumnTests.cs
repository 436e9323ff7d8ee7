using Bunit;
using MMEvol.Web.Components.Pages.Review;

namespace MMEvol.Web.Tests.Review;

public sealed class RoundColumnTests
{
    [Fact]
    public async Task EvolvedRound_ShowsHowItWasMade_AndDiffsItsItemAgainstTheParent()
    {
        await using var context = ComponentContext.Create();

        var column = RenderRound(context, 1);

        Assert.Contains("Round 1", column.Markup);
        Assert.Contains("Perception", column.Markup);
        Assert.Contains("qwen2-vl-7b · perception-3f2a", column.Markup);
        Assert.Equal(["small "], column.FindAll(".item-question ins").Select(e => e.TextContent));
        Assert.Equal("Grounding_1(small circle)->bbx_1", column.Find(".item-steps code").TextContent);
        Assert.Contains("judge score", column.Find(".verdict-line").TextContent);
    }

    [Fact]
    public async Task SeedRound_HasNoParent_SoNothingIsMarkedAsChanged()
    {
        await using var context = ComponentContext.Create();

        var column = RenderRound(context, 0);

        Assert.Contains("Seed", column.Markup);
        Assert.Empty(column.FindAll("ins"));
        Assert.Empty(column.FindAll("del"));
        Assert.Contains("not judged", column.Markup);
    }

    [Fact]
    public async Task FailedRound_ShowsItsReason_AndTheRawResponseAsText()
    {
        await using var context = ComponentContext.Create();

        var column = RenderRound(context, 2);

        Assert.Contains("Failed", column.Markup);
        Assert.Contains("reply is not JSON", column.Markup);
        Assert.Equal("Sorry, <b>I</b> cannot help with that.", column.Find(".raw-response pre").TextContent);
        Assert.Empty(column.FindAll(".raw-response b"));
        Assert.Empty(column.FindAll(".item-card"));
    }

    private static IRenderedComponent<RoundColumn> RenderRound(BunitContext context, int index)
    {
        var lineage = LineageSample.Build(out _, out _);
        return context.Render<RoundColumn>(p => p.Add(c => c.Round, lineage.Rounds[index]).Add(c => c.Lineage, lineage));
    }
}
