using MMEvol.Core.Model;

namespace MMEvol.Web.Components.Pages.Dashboard;

/// <summary>A job as the dashboard lists it.</summary>
public sealed record JobRow(
    int Id, JobKind Kind, JobState State, string? Dataset, int Done, int Total, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public double Percent => Total > 0 ? Math.Clamp(100.0 * Done / Total, 0, 100) : State == JobState.Succeeded ? 100 : 0;

    public bool IsActive => State is JobState.Queued or JobState.Running;
}
