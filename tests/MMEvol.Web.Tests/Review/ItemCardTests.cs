using Bunit;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Web.Components.Pages.Review;

namespace MMEvol.Web.Tests.Review;

public sealed class ItemCardTests
{
    [Fact]
    public async Task Keep_WithANote_SendsTheItemTheCommandAndTheNote()
    {
        await using var context = ComponentContext.Create();
        var item = LineageSample.Item(7, 1, "How many circles?", "Two.");
        (Instruction Item, ReviewCommand Command, string? Note)? sent = null;
        var card = context.Render<ItemCard>(p => p.Add(c => c.Item, item).Add(c => c.OnAction, a => sent = a));

        card.Find(".item-note input").Change("counted twice");
        card.FindAll("button").Single(b => b.TextContent.Contains("Keep", StringComparison.Ordinal)).Click();

        Assert.NotNull(sent);
        Assert.Same(item, sent.Value.Item);
        Assert.Equal(ReviewCommand.Keep, sent.Value.Command);
        Assert.Equal("counted twice", sent.Value.Note);
    }

    [Fact]
    public async Task Clear_IsOfferedOnlyOnceTheItemWasReviewed()
    {
        await using var context = ComponentContext.Create();
        var item = LineageSample.Item(7, 1, "How many circles?", "Two.");
        var card = context.Render<ItemCard>(p => p.Add(c => c.Item, item));
        Assert.True(ClearButton(card).HasAttribute("disabled"));

        item.Confirm();
        card.Render(p => p.Add(c => c.Item, item));

        Assert.False(ClearButton(card).HasAttribute("disabled"));
    }

    [Fact]
    public async Task CorrectedScore_ShowsBesideTheJudgesOriginal_AndSetScoreSendsIt()
    {
        await using var context = ComponentContext.Create();
        var item = LineageSample.Item(7, 1, "How many circles?", "Two.");
        item.SetVerdict(new Verdict(false, 4, "no richer", "llm"));
        (Instruction Item, double? Score, string? Note)? sent = null;
        var card = context.Render<ItemCard>(p => p.Add(c => c.Item, item).Add(c => c.OnCorrectScore, a => sent = a));

        card.Find(".item-score input").Change("8.5");
        card.FindAll("button").Single(b => b.TextContent.Contains("Set score", StringComparison.Ordinal)).Click();
        item.CorrectScore(8.5);
        card.Render(p => p.Add(c => c.Item, item));

        Assert.Equal(8.5, sent?.Score);
        var verdict = card.Find(".verdict-line").TextContent;
        Assert.Contains("judge score 4.0", verdict);
        Assert.Contains("corrected to 8.5", verdict);
    }

    [Fact]
    public async Task HostileText_IsRenderedAsText()
    {
        await using var context = ComponentContext.Create();
        var item = LineageSample.Item(7, 0, "<img src=x onerror=alert(1)>?", "<script>alert(2)</script> **fine**");

        var card = context.Render<ItemCard>(p => p.Add(c => c.Item, item));

        Assert.Empty(card.FindAll("img"));
        Assert.Empty(card.FindAll("script"));
        Assert.Contains("<img src=x onerror=alert(1)>?", card.Find(".item-question").TextContent);
        Assert.Equal("fine", card.Find(".item-answer strong").TextContent);
    }

    private static AngleSharp.Dom.IElement ClearButton(IRenderedComponent<ItemCard> card) =>
        card.FindAll("button").Single(b => b.TextContent.Trim() == "Clear");
}
