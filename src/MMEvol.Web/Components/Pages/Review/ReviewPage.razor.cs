using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.JSInterop;
using MMEvol.Core.Data;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Web.Account;
using MudBlazor;

namespace MMEvol.Web.Components.Pages.Review;

/// <summary>
/// The review page: a filtered, keyset-paged list of items beside the selected item's record and
/// its lineage. Every action is a short write through ReviewActions, refused when another reviewer
/// saved the item first; nothing long runs on the circuit.
/// </summary>
public sealed partial class ReviewPage
{
    [Inject] private IDbContextFactory<WorkbenchDb> Store { get; set; } = null!;
    [Inject] private ReviewQuery Query { get; set; } = null!;
    [Inject] private LineageQuery Lineages { get; set; } = null!;
    [Inject] private ReviewActions Actions { get; set; } = null!;
    [Inject] private CurrentUser User { get; set; } = null!;
    [Inject] private IJSRuntime Js { get; set; } = null!;
    [Inject] private ILogger<ReviewPage> Logger { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "dataset")] private string? DatasetName { get; set; }

    /// <summary>An item to open at once (a link from elsewhere): its dataset and record are shown whatever the list holds.</summary>
    [SupplyParameterFromQuery(Name = "item")] private long? ItemId { get; set; }

    private List<Dataset> datasets = [];
    private int datasetId;
    private ReviewFilter filter = new(0);
    private IReadOnlyList<ReviewRow> rows = [];
    private readonly Stack<ReviewCursor?> cursors = new();
    private ReviewCursor? current;
    private ReviewCursor? next;
    private int? count;
    private bool loading;
    private int loads;
    private long selectedItemId;
    private RecordLineageView? lineage;
    private readonly Stack<long> undo = new();
    private string? message;
    private Severity messageSeverity = Severity.Info;
    private bool showHelp;
    private IJSObjectReference? keys;
    private DotNetObjectReference<ReviewPage>? self;

    protected override async Task OnInitializedAsync()
    {
        await using var db = await Store.CreateDbContextAsync();
        datasets = await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync();
        var linked = ItemId is { } id
            ? await db.Instructions.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Id, i.DatasetId, i.RecordId }).SingleOrDefaultAsync()
            : null;
        // Without ?dataset=, the oldest: on a first start, the demo.
        var chosen = datasets.FirstOrDefault(d => d.Id == linked?.DatasetId) ?? datasets.FirstOrDefault(d => d.Name == DatasetName) ?? datasets.MinBy(d => d.Id);
        if (chosen is not null)
            await SelectDatasetAsync(chosen.Id);
        if (linked is not null)
        {
            selectedItemId = linked.Id;
            lineage = await Lineages.LoadAsync(linked.RecordId);
        }
        else if (ItemId is not null)
            (message, messageSeverity) = ($"Item {ItemId} does not exist (any more).", Severity.Warning);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        self = DotNetObjectReference.Create(this);
        keys = await Js.InvokeAsync<IJSObjectReference>("import", "./js/review-keys.js");
        await keys.InvokeVoidAsync("attach", self);
    }

    private async Task SelectDatasetAsync(int id)
    {
        datasetId = id;
        await ChangeFilterAsync(new ReviewFilter(id));
    }

    private async Task ChangeFilterAsync(ReviewFilter changed)
    {
        filter = changed with { DatasetId = datasetId };
        cursors.Clear();
        await LoadPageAsync(null);
        count = null;
        // Prerendering skips it: the interactive instance initializes again and counts then.
        if (RendererInfo.IsInteractive)
            _ = CountAsync(filter);
    }

    /// <summary>
    /// The count reads every matching index entry (hundreds of ms on millions of items), so the page
    /// shows its rows first and the count when it arrives; a count for a filter since replaced is dropped.
    /// </summary>
    private async Task CountAsync(ReviewFilter counted)
    {
        try
        {
            var total = await Query.CountAsync(counted);
            if (counted == filter)
            {
                count = total;
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWarning(e, "Counting the review list failed");
        }
    }

    private async Task LoadPageAsync(ReviewCursor? from)
    {
        // A search for a rare word reads every item (seconds on millions): the list says it is
        // searching, and a page that arrives after a newer request was made is dropped.
        var mine = ++loads;
        loading = true;
        MMEvol.Core.Review.ReviewPage page;
        try
        {
            page = await Query.PageAsync(filter, from);
        }
        finally
        {
            if (mine == loads)
                loading = false;
        }
        if (mine != loads)
            return;
        (rows, current, next) = (page.Rows, from, page.HasMore ? page.Next : null);
        if (rows.Count > 0 && rows.All(r => r.ItemId != selectedItemId))
            await SelectItemAsync(rows[0].ItemId);
    }

    private async Task NextPageAsync()
    {
        if (next is null)
            return;
        cursors.Push(current);
        await LoadPageAsync(next);
    }

    private async Task PreviousPageAsync()
    {
        if (cursors.Count > 0)
            await LoadPageAsync(cursors.Pop());
    }

    private async Task SelectItemAsync(long itemId)
    {
        selectedItemId = itemId;
        var recordId = rows.FirstOrDefault(r => r.ItemId == itemId)?.RecordId ?? lineage?.Record.Id;
        if (recordId is { } id && lineage?.Record.Id != id)
            lineage = await Lineages.LoadAsync(id);
        if (keys is not null)
            await keys.InvokeVoidAsync("scrollIntoView", $"row-{itemId}");
    }

    private void FocusItem(long itemId) => selectedItemId = itemId;

    private Instruction? Selected => lineage?.Rounds.SelectMany(r => r.Items).FirstOrDefault(i => i.Id == selectedItemId);

    private Task ActAsync((Instruction Item, ReviewCommand Command, string? Note) action) => ApplyAsync(action.Item, action.Command, action.Note);

    private Task CorrectScoreAsync((Instruction Item, double? Score, string? Note) action) =>
        ApplyAsync(action.Item, ReviewCommand.CorrectScore(action.Score), action.Note);

    /// <summary>Saves one action; true when it was committed.</summary>
    private async Task<bool> ApplyAsync(Instruction item, ReviewCommand command, string? note)
    {
        var result = await Actions.ApplyAsync(item.Id, item.Version, command, await User.NameAsync(), note);
        if (result is ReviewSaved saved)
            undo.Push(saved.ReviewId);
        await ShowAsync(result, $"{Describe(command)} saved for item {item.Index + 1} of round {item.RoundNumber}.");
        return result is ReviewSaved;
    }

    private static string Describe(ReviewCommand command) => command.Action switch
    {
        ReviewAction.CorrectScore => command.Score is { } score ? $"Score {score:0.0}" : "Score correction removed,",
        var action => action.ToString(),
    };

    private async Task UndoAsync()
    {
        if (!undo.TryPop(out var reviewId))
        {
            (message, messageSeverity) = ("Nothing of yours to undo on this page.", Severity.Info);
            return;
        }
        await ShowAsync(await Actions.UndoAsync(reviewId, await User.NameAsync()), "Your last action was undone.");
    }

    private async Task BulkDoneAsync((string Message, bool Saved) outcome)
    {
        (message, messageSeverity) = (outcome.Message, outcome.Saved ? Severity.Success : Severity.Warning);
        await ChangeFilterAsync(filter);
        if (lineage is not null)
            lineage = await Lineages.LoadAsync(lineage.Record.Id);
    }

    private async Task ShowAsync(ReviewResult result, string saved)
    {
        switch (result)
        {
            case ReviewSaved:
                (message, messageSeverity) = (saved, Severity.Success);
                break;
            case ReviewConflict conflict:
                (message, messageSeverity) = ($"Not saved: another reviewer changed this item first. It is now {conflict.Current.FinalDecision} " +
                    $"({conflict.Current.ReviewState}{(conflict.Current.ReviewerScore is { } s ? $", score {s:0.0}" : "")}); the page shows their version.", Severity.Warning);
                break;
            case ReviewRefused refused:
                (message, messageSeverity) = ($"Not saved: {refused.Reason}", Severity.Error);
                break;
        }
        if (lineage is not null)
            lineage = await Lineages.LoadAsync(lineage.Record.Id);
        var page = await Query.PageAsync(filter, current);
        rows = page.Rows;
    }
}
