using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Users;
using MMEvol.Web.Components.Pages.Training;
using MMEvol.Web.Tests.Review;

namespace MMEvol.Web.Tests.Training;

/// <summary>The experiment's button and report on the Training page.</summary>
public sealed class ExperimentPanelTests : IAsyncLifetime
{
    private readonly TrainingStore _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task Start_Admin_QueuesOneExperimentJobAndRefusesASecondWhileItIsQueued()
    {
        await using var context = _store.Context();
        var panel = context.Interactive().Render<ExperimentPanel>(p => p.Add(x => x.CanLaunch, true));

        await panel.Find("button.experiment-start").ClickAsync(new());
        await panel.Find("button.experiment-start").ClickAsync(new());

        var queue = context.Services.GetRequiredService<JobQueue>();
        var job = Assert.Single(await queue.ListAsync());
        Assert.Equal((JobKind.Experiment, JobState.Queued, (int?)null), (job.Kind, job.State, job.DatasetId));
        Assert.Contains("\"training_images\":2000", job.Config);
        panel.WaitForAssertion(() => Assert.Contains($"already queued as job {job.Id}", panel.Find(".experiment-error").TextContent));
    }

    [Fact]
    public async Task Render_Reviewer_NoButton_AndTheFinishedReportAsATable()
    {
        await using (var db = _store.Open())
        {
            db.Jobs.Add(new Job
            {
                Kind = JobKind.Experiment,
                State = JobState.Succeeded,
                Config = "{}",
                CreatedBy = "admin",
                Result = JsonSerializer.Serialize(new { report = "Accuracy:\n\n| Arm | all |\n|---|---:|\n| (a) seed only | 4.2 |\n| <script>alert(1)</script> | 9 |\n" }),
            });
            await db.SaveChangesAsync();
        }
        await using var context = _store.Context("reader", WorkbenchRoles.Reviewer);

        var panel = context.Interactive().Render<ExperimentPanel>(p => p.Add(x => x.CanLaunch, false));

        Assert.Empty(panel.FindAll("button.experiment-start"));
        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll(".experiment-report tr").Count));
        Assert.Equal("(a) seed only", panel.Find(".experiment-report tbody td").TextContent);
        Assert.Empty(panel.FindAll(".experiment-report script"));
    }
}
