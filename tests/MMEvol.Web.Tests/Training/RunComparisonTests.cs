using Bunit;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Model;
using MMEvol.Training.Evaluation;
using MMEvol.Web.Components.Pages.Training;
using MudBlazor;

namespace MMEvol.Web.Tests.Training;

/// <summary>The runs side by side, read from a real store: provenance, status, scores, and the overlay of ticked runs.</summary>
public sealed class RunComparisonTests : IAsyncLifetime
{
    private readonly TrainingStore _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    private static BenchmarkSummary Scores(int existenceCorrect, int countingCorrect) => new("shapes", 20, (existenceCorrect + countingCorrect) / 20.0,
        [new CategoryScore("counting", 10, countingCorrect), new CategoryScore("existence", 10, existenceCorrect)],
        [new PopeScore("adversarial", 4, 2, 1, 1, 0), new PopeScore("random", 6, 3, 0, 3, 0)]);

    private IRenderedComponent<RunComparison> Render(BunitContext context) =>
        context.Render<RunComparison>(p => p.Add(c => c.DatasetId, _store.Dataset.Id));

    /// <summary>The row's cells after the tick box, their text with runs of white space made one space.</summary>
    private static List<string> Cells(IRenderedComponent<RunComparison> view, int runId) =>
        [.. view.Find($"tr[data-run='{runId}']").QuerySelectorAll("td").Skip(1).Select(td => string.Join(' ', td.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];

    [Fact]
    public async Task Table_RunsOfTheDataset_ShowProvenanceStatusAndScoresPerCategoryAndPopeSampling()
    {
        var seed = await _store.AddRunAsync("seed only", SnapshotKind.Seed, TrainingStatus.Completed, Scores(existenceCorrect: 5, countingCorrect: 2));
        var kept = await _store.AddRunAsync("kept <script>alert(1)</script>", SnapshotKind.Kept, TrainingStatus.Running);
        await using var context = _store.Context();

        var view = Render(context);

        Assert.Equal([kept.Id.ToString(), seed.Id.ToString()], view.FindAll("tr.run-row").Select(r => r.GetAttribute("data-run")));
        Assert.Equal(["counting", "existence", "adversarial", "random"], view.FindAll("th.sub").Select(th => th.TextContent.Trim()));
        Assert.Equal([$"#{seed.Id} seed only probe", $"seed · 3 items {seed.SnapshotHash[..12]} · policy v2 1 override", "Completed 20 / 40 steps · loss 1.500",
            "35.0%", "20%", "50%", "0.800", "1.000"], Cells(view, seed.Id));
        var running = Cells(view, kept.Id);
        Assert.Equal(("Running 20 / 40 steps · loss 1.500", "–", "–", "–"), (running[2], running[3], running[4], running[6]));
        // A run's name is text: the script arrives as characters, never as an element.
        Assert.Empty(view.FindAll("tr.run-row script"));
        Assert.Contains("<script>alert(1)</script>", view.Find($"tr[data-run='{kept.Id}'] .run-name").TextContent);
    }

    [Fact]
    public async Task Overlay_TwoRunsTicked_DrawsBothLossCurves_OneTickedDrawsNone()
    {
        var first = await _store.AddRunAsync("first", SnapshotKind.Seed, TrainingStatus.Completed, points: 4);
        var second = await _store.AddRunAsync("second", SnapshotKind.All, TrainingStatus.Completed, points: 8);
        await using var context = _store.Context();
        var view = Render(context);
        var boxes = view.FindComponents<MudCheckBox<bool>>();

        await view.InvokeAsync(() => boxes[0].Instance.ValueChanged.InvokeAsync(true));
        Assert.Empty(view.FindAll(".curve-chart"));
        await view.InvokeAsync(() => boxes[1].Instance.ValueChanged.InvokeAsync(true));

        var lines = view.FindAll(".curve-chart polyline");
        Assert.Equal([$"#{first.Id} first", $"#{second.Id} second"], lines.Select(l => l.GetAttribute("data-series")));
        Assert.Equal([4, 8], lines.Select(l => l.GetAttribute("points")!.Split(' ').Length));
    }

    [Fact]
    public async Task Table_EvaluationThatCannotBeRead_LeavesTheScoresBlank()
    {
        var run = await _store.AddRunAsync("damaged", SnapshotKind.Kept, TrainingStatus.Completed);
        await using (var db = _store.Open())
            await db.TrainingRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Evaluation, "{not json"));
        await using var context = _store.Context();

        var view = Render(context);

        Assert.Equal("–", Cells(view, run.Id)[3]);
    }
}
