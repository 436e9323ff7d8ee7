using Bunit;
using MMEvol.Core.Model;
using MMEvol.Core.Thresholds;
using MMEvol.Web.Components.Charts;
using MMEvol.Web.Components.Pages.Thresholds;
using MMEvol.Web.Tests.Review;

namespace MMEvol.Web.Tests.Thresholds;

/// <summary>The preview's parts over a preview computed from a packed snapshot, as the page gets it.</summary>
public sealed class ThresholdPreviewComponentTests
{
    private static readonly EliminationPolicy Current = new() { CreatedBy = "demo", Version = 1 };
    private static readonly EliminationPolicy Strict = new() { CreatedBy = "cora", MinScore = 6 };

    /// <summary>Round 1: scores 2, 5, 7, 9 (one overridden Kept at 2); round 2: one unscored item.</summary>
    private static ThresholdPreview Preview()
    {
        GovernedItem Item(long id, byte round, double score, Decision? chosen = null) =>
            new(id, round, Direction.Reasoning, true, score, 1, 1, 0, true, false, chosen, Decision.Kept, chosen ?? Decision.Kept);
        var items = new[] { Item(1, 1, 2, Decision.Kept), Item(2, 1, 5), Item(3, 1, 7), Item(4, 1, 9), Item(5, 2, double.NaN) };
        return ThresholdCalculator.Preview(PolicySnapshot.Of(7, items), Current, Strict);
    }

    [Fact]
    public async Task Counts_ShowKeptNowAndProposed_WithTheChange()
    {
        await using var context = ComponentContext.Create();

        var table = context.Render<PreviewCounts>(p => p.Add(c => c.Preview, Preview()));

        var round1 = table.FindAll("tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "Reasoning", "4", "4 (100%)", "3 (75%)", "-1"], round1);
        Assert.Contains("fewer", table.FindAll("tbody tr")[0].QuerySelectorAll("td")[5].ClassName);
        Assert.Equal("-1", table.Find("tr.total td:last-child").TextContent.Trim());
    }

    [Fact]
    public async Task Flips_LinkToTheReviewPage_AndTheOverrideThatDisagreesIsNamed()
    {
        await using var context = ComponentContext.Create();
        var preview = Preview();

        var flips = context.Render<PreviewItems>(p => p.Add(c => c.Items, preview.Flips).Add(c => c.Count, preview.FlipCount).Add(c => c.Title, "flips"));
        var overrides = context.Render<PreviewItems>(p => p.Add(c => c.Items, preview.DisagreeingOverrides).Add(c => c.Count, preview.DisagreeingOverrideCount));

        Assert.Equal(["review?item=2"], flips.FindAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["review?item=1"], overrides.FindAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Kept (override)", overrides.Markup);
    }

    [Fact]
    public async Task ScoreHistogram_MarksTheBinsBelowTheCutOff()
    {
        await using var context = ComponentContext.Create();
        var round1 = Preview().Rounds.Single(r => r.Round == 1);

        var chart = context.Render<HistogramChart>(p => p.Add(c => c.Histogram, round1.Score).Add(c => c.Cutoff, 6.0));

        Assert.Equal(10, chart.FindAll("rect").Count);
        Assert.Equal(6, chart.FindAll("rect.cut").Count);
        Assert.Single(chart.FindAll("line.cutoff"));
        Assert.Equal(4, round1.Score.Counts.Sum());
    }

    [Fact]
    public async Task MinimumScoreBox_ProposesFive_AndLeavesTheHeldPolicyAlone()
    {
        await using var context = ComponentContext.Create();
        EliminationPolicy? proposed = null;
        var held = new EliminationPolicy { CreatedBy = "demo", Version = 3 };
        var form = context.Render<PolicyForm>(p => p.Add(c => c.Policy, held).Add(c => c.PolicyChanged, policy => proposed = policy));

        form.Find(".gate input[type=checkbox]").Change(true);

        Assert.Equal(5, proposed?.MinScore);
        Assert.Null(held.MinScore);
        Assert.Equal(3, proposed?.Version);
    }

    [Fact]
    public async Task Note_SurvivesTheNextEdit()
    {
        await using var context = ComponentContext.Create();
        EliminationPolicy? proposed = null;
        var form = context.Render<PolicyForm>(p => p.Add(c => c.Policy, new EliminationPolicy { CreatedBy = "demo", Note = "too lenient on counts" })
            .Add(c => c.PolicyChanged, policy => proposed = policy));

        form.Find(".gate input[type=checkbox]").Change(true);

        Assert.Equal("too lenient on counts", proposed?.Note);
    }
}
