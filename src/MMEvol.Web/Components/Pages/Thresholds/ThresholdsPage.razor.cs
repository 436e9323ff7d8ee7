using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;
using MMEvol.Core.Thresholds;
using MMEvol.Web.Account;
using MudBlazor;

namespace MMEvol.Web.Components.Pages.Thresholds;

/// <summary>
/// The what-if: every edit of the policy is previewed at once from the in-memory snapshot (the
/// latest edit wins; an older preview finishing late is dropped), and applied only after a
/// confirmation that states what will change.
/// </summary>
public sealed partial class ThresholdsPage
{
    [Inject] private IDbContextFactory<WorkbenchDb> Store { get; set; } = null!;
    [Inject] private ThresholdPreviewer Previewer { get; set; } = null!;
    [Inject] private CurrentUser User { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "dataset")] private string? DatasetName { get; set; }

    private List<Dataset> datasets = [];
    private int datasetId;
    private EliminationPolicy? current;
    private EliminationPolicy? proposed;
    private ThresholdPreview? preview;
    private long previewMilliseconds;
    private int proposals;
    private bool confirming;
    private bool applying;
    private string? message;
    private Severity messageSeverity = Severity.Info;

    protected override async Task OnInitializedAsync()
    {
        await using var db = await Store.CreateDbContextAsync();
        datasets = await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync();
        var chosen = datasets.FirstOrDefault(d => d.Name == DatasetName) ?? datasets.MinBy(d => d.Id);
        if (chosen is not null)
            await SelectDatasetAsync(chosen.Id);
    }

    private async Task SelectDatasetAsync(int id)
    {
        datasetId = id;
        await ResetAsync();
    }

    private async Task ResetAsync()
    {
        current = await Previewer.CurrentAsync(datasetId);
        var fresh = PolicyForm.Copy(current);
        // The note says why a change is made: a new proposal starts without the last one's.
        fresh.Note = null;
        await ProposeAsync(fresh);
    }

    private async Task ProposeAsync(EliminationPolicy policy)
    {
        proposed = policy;
        confirming = false;
        // A dataset's first preview reads every governed item (seconds on millions): the prerendered
        // page is sent at once with its progress bar, and the live page previews.
        if (!RendererInfo.IsInteractive)
            return;
        var mine = ++proposals;
        var clock = Stopwatch.StartNew();
        var result = await Previewer.PreviewAsync(datasetId, policy);
        if (mine != proposals)
            return;
        (preview, previewMilliseconds) = (result, clock.ElapsedMilliseconds);
    }

    private void AskToApply() => confirming = true;

    private async Task ApplyAsync()
    {
        if (proposed is null)
            return;
        (applying, confirming) = (true, false);
        try
        {
            var applied = await Previewer.ApplyAsync(datasetId, proposed, await User.NameAsync());
            (message, messageSeverity) = ($"Policy version {applied.Version} applied: the dataset's decisions follow it now.", Severity.Success);
            await ResetAsync();
        }
        finally
        {
            applying = false;
        }
    }
}
