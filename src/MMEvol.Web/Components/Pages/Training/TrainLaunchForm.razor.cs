using Microsoft.AspNetCore.Components;
using MMEvol.Core;
using MMEvol.Core.Export;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Core.Users;
using MMEvol.Training.Jobs;
using MMEvol.Web.Account;

namespace MMEvol.Web.Components.Pages.Training;

public sealed partial class TrainLaunchForm
{
    private readonly ProbeFields.Fields probe = new();
    private string? name;
    private SnapshotKind snapshot = SnapshotKind.Kept;
    private string trainer = TrainSettings.ProbeTrainer;
    private ExportFormat format = ExportFormat.ShareGpt;
    private bool busy;
    private string? error;
    private IReadOnlyList<SavedFilter> savedFilters = [];
    private int? savedFilterId;
    private int? filtersLoadedFor;

    [Inject]
    private SavedFilters Saved { get; set; } = null!;

    [Inject]
    private TrainingJobs Jobs { get; set; } = null!;

    [Inject]
    private CurrentUser Current { get; set; } = null!;

    /// <summary>The dataset the page shows: the run trains on its snapshot.</summary>
    [Parameter, EditorRequired]
    public Dataset? Dataset { get; set; }

    [Parameter]
    public EventCallback<Job> OnLaunched { get; set; }

    private bool IsProbe => trainer == TrainSettings.ProbeTrainer;

    private SavedFilter? ChosenFilter => savedFilters.FirstOrDefault(f => f.Id == savedFilterId);

    protected override async Task OnParametersSetAsync()
    {
        if (Dataset is null || filtersLoadedFor == Dataset.Id)
            return;
        filtersLoadedFor = Dataset.Id;
        savedFilters = await Saved.ListAsync(Dataset.Id);
        (savedFilterId, snapshot) = (savedFilters.FirstOrDefault()?.Id, snapshot == SnapshotKind.Filter ? SnapshotKind.Kept : snapshot);
    }

    private string SnapshotHelp => snapshot switch
    {
        SnapshotKind.Seed => "The seed items as imported: the baseline",
        SnapshotKind.All => "Every item of every round, whatever was decided",
        SnapshotKind.Filter => "The items a filter saved on the review page matches (probe only)",
        _ => "The seed and every round's kept items",
    };

    private string TrainerHelp => IsProbe
        ? Jobs.Profiles.Count == 0 ? "External trainers: Training:Profiles in the server's settings" : "Trained in the workbench on this machine"
        : "An external trainer profile of the server's settings";

    private string DefaultName => snapshot == SnapshotKind.Filter && ChosenFilter is { } f
        ? $"{trainer} on filter {f.Name}"
        : $"{trainer} on {snapshot.ToString().ToLowerInvariant()}";

    private string Preview => Dataset is not null && Jobs.Profiles.FirstOrDefault(p => p.Name == trainer) is { } profile
        ? Jobs.Preview(profile, Dataset, format)
        : "";

    private TrainSettings Settings() => new()
    {
        DatasetId = Dataset!.Id,
        Name = string.IsNullOrWhiteSpace(name) ? (snapshot == SnapshotKind.Filter ? DefaultName : null) : name.Trim(),
        Snapshot = snapshot,
        Filter = snapshot == SnapshotKind.Filter && ChosenFilter is { } chosen ? SavedFilters.FromJson(chosen.Filter) : null,
        Trainer = trainer,
        Probe = IsProbe ? probe.Options() : new(),
        External = IsProbe ? null : Jobs.Profiles.FirstOrDefault(p => p.Name == trainer),
        ExportFormat = format,
    };

    private async Task LaunchAsync()
    {
        (busy, error) = (true, null);
        try
        {
            // The page shows the form to Admins only; checked again where the job is queued.
            if (!await Current.IsInRoleAsync(WorkbenchRoles.Admin))
                throw new WorkbenchException("Only an Admin can launch a training.");
            var job = await Jobs.LaunchAsync(Settings(), await Current.NameAsync());
            await OnLaunched.InvokeAsync(job);
        }
        catch (WorkbenchException e)
        {
            error = e.Message;
        }
        finally
        {
            busy = false;
        }
    }
}
