using System.Text.Json;
using MMEvol.Core.Evolution.Offline;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Offline;

public sealed class FaultTests
{
    private static readonly FaultKind[] ItemKinds =
        [FaultKind.HallucinatedObject, FaultKind.WrongAnswer, FaultKind.UnchangedRewrite, FaultKind.TemplateEcho];

    [Fact]
    public void EvolveAsync_FaultRateZero_NoFaults()
    {
        var steps = OfflineWorld.Rounds(300, 3, 0, OfflineWorld.DirectionOf).ToList();

        Assert.All(steps, s => Assert.Null(s.Response.ResponseFault));
        Assert.All(steps, s => Assert.All(s.Response.Faults!, Assert.Null));
    }

    [Fact]
    public void EvolveAsync_DefaultFaultRate_EachKindAboutEvenlyAndFifteenPercentInAll()
    {
        var steps = OfflineWorld.Rounds(400, 3, 0.15, OfflineWorld.DirectionOf).ToList();
        var faults = steps.Where(s => s.Response.ResponseFault is null).SelectMany(s => s.Response.Faults!).ToList();

        var share = faults.Count(f => f is not null) / (double)faults.Count;
        Assert.InRange(share, 0.12, 0.18);
        foreach (var kind in ItemKinds)
            Assert.InRange(faults.Count(f => f == kind) / (double)faults.Count(f => f is not null), 0.15, 0.35);
        Assert.InRange(steps.Count(s => s.Response.ResponseFault == FaultKind.BrokenJson) / (double)steps.Count, 0.01, 0.06);
    }

    [Fact]
    public void EvolveAsync_BrokenJson_RawDoesNotParseAndNoItemFaults()
    {
        var broken = OfflineWorld.Rounds(400, 3, 0.5, OfflineWorld.DirectionOf)
            .Where(s => s.Response.ResponseFault == FaultKind.BrokenJson).ToList();

        Assert.True(broken.Count > 20, $"only {broken.Count} broken responses");
        Assert.All(broken, s =>
        {
            Assert.Null(s.Response.Faults);
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(s.Response.Raw));
        });
    }

    [Fact]
    public void EvolveAsync_HallucinatedObject_NamesALabelThatIsNotInThePicture()
    {
        var items = Faulted(FaultKind.HallucinatedObject);

        Assert.True(items.Count > 50, $"only {items.Count} items");
        Assert.All(items, x =>
        {
            var labels = x.Step.Record.Detections.Select(d => d.Label).ToHashSet();
            var ghost = Assert.Single(x.Item.Objects, o => !labels.Contains(o));
            Assert.True(TextSearch.ContainsWord(x.Item.Question, ghost) || TextSearch.ContainsWord(x.Item.Answer, ghost), ghost);
        });
    }

    [Fact]
    public void EvolveAsync_UnchangedRewrite_CopiesTheParentItem()
    {
        var items = Faulted(FaultKind.UnchangedRewrite);

        Assert.True(items.Count > 50, $"only {items.Count} items");
        Assert.All(items, x =>
        {
            Assert.Equal((x.Parent.Question, x.Parent.Answer, x.Parent.Format), (x.Item.Question, x.Item.Answer, x.Item.Format));
            Assert.Equal(x.Parent.Steps, x.Item.Steps);
            Assert.Equal(x.Parent.Objects, x.Item.Objects);
        });
    }

    [Fact]
    public void EvolveAsync_TemplateEcho_QuestionCarriesPromptTemplateWords()
    {
        var items = Faulted(FaultKind.TemplateEcho);

        Assert.True(items.Count > 50, $"only {items.Count} items");
        Assert.All(items, x => Assert.Matches("(?i)#given prompt#|#rewritten prompt#|given prompt:|rewritten prompt:", x.Item.Question));
    }

    [Fact]
    public void EvolveAsync_CleanItems_CarryNoPromptTemplateWords()
    {
        var clean = OfflineWorld.Rounds(300, 3, 0.15, OfflineWorld.DirectionOf)
            .Where(s => s.Items.Count > 0)
            .SelectMany(s => s.Pairs.Where(p => p.Fault is null).Select(p => p.Item));

        Assert.All(clean, i => Assert.DoesNotMatch("(?i)given prompt|rewritten prompt", i.Question + i.Answer));
    }

    private static List<(OfflineWorld.Step Step, Formats.SourceItem Item, Formats.SourceItem Parent)> Faulted(FaultKind kind) =>
        OfflineWorld.Rounds(400, 3, 0.3, OfflineWorld.DirectionOf)
            .Where(s => s.Items.Count > 0)
            .SelectMany(s => s.Pairs.Where(p => p.Fault == kind).Select(p => (s, p.Item, p.Parent)))
            .ToList();
}
