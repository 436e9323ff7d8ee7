using Bunit;
using MMEvol.Core.Model;
using MMEvol.Core.Users;
using MMEvol.Web.Components.Pages.Training;
using MMEvol.Web.Tests.Review;

namespace MMEvol.Web.Tests.Training;

/// <summary>Who sees what on the Training page: an Admin launches; a Reviewer or Curator follows and compares.</summary>
public sealed class TrainingPageTests : IAsyncLifetime
{
    private readonly TrainingStore _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    [Theory]
    [InlineData(WorkbenchRoles.Admin, true)]
    [InlineData(WorkbenchRoles.Curator, false)]
    [InlineData(WorkbenchRoles.Reviewer, false)]
    public async Task Page_ShowsTheLaunchFormToAdminsOnly_AndTheRunsToEveryone(string role, bool launches)
    {
        var run = await _store.AddRunAsync("baseline", SnapshotKind.Seed, TrainingStatus.Completed);
        await using var context = _store.Context("someone", role);

        var page = context.Interactive().Render<TrainingPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tr.run-row")));
        Assert.Equal(launches, page.FindAll(".train-launch").Count == 1);
        Assert.Equal(run.Id.ToString(), page.Find("tr.run-row").GetAttribute("data-run"));
    }
}
