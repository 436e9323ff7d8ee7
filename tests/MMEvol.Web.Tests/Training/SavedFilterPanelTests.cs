using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Review;
using MMEvol.Core.Users;
using MMEvol.Web.Components.Pages.Review;
using MMEvol.Web.Tests.Review;
using MudBlazor;

namespace MMEvol.Web.Tests.Training;

/// <summary>Saving the review page's filter under a name, and opening it again.</summary>
public sealed class SavedFilterPanelTests : IAsyncLifetime
{
    private readonly TrainingStore _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task Save_ThenOpen_TheSavedFilterComesBack()
    {
        var current = new ReviewFilter(_store.Dataset.Id) { Round = 0, MinScore = 5, PageSize = 20 };
        ReviewFilter? opened = null;
        await using var context = _store.Context("carol", WorkbenchRoles.Curator);
        var panel = context.Interactive().Render<SavedFilterPanel>(p => p
            .Add(x => x.Filter, current).Add(x => x.CanSave, true).Add(x => x.FilterChanged, f => opened = f));

        await panel.InvokeAsync(() => panel.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync("scored seed"));
        await panel.Find("button.saved-filter-save").ClickAsync(new());

        var saved = Assert.Single(await context.Services.GetRequiredService<SavedFilters>().ListAsync(_store.Dataset.Id));
        Assert.Equal(("scored seed", "carol"), (saved.Name, saved.CreatedBy));
        panel.WaitForAssertion(() => Assert.Contains("Saved as \"scored seed\"", panel.Find(".saved-filter-status").TextContent));
        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(saved.Id));
        Assert.Equal(current, opened);
    }

    [Fact]
    public async Task Render_Reviewer_OpensButCannotSave()
    {
        await SaveOneAsync();
        await using var context = _store.Context("rita", WorkbenchRoles.Reviewer);

        var panel = context.Interactive().Render<SavedFilterPanel>(p => p.Add(x => x.Filter, new ReviewFilter(_store.Dataset.Id)));

        Assert.Empty(panel.FindAll("button.saved-filter-save"));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".saved-filter-open")));
    }

    private async Task SaveOneAsync()
    {
        await using var context = _store.Context();
        await context.Services.GetRequiredService<SavedFilters>().SaveAsync("any", new ReviewFilter(_store.Dataset.Id), "admin");
    }
}
