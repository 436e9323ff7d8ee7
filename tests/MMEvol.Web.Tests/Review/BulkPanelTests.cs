using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Web.Account;
using MMEvol.Web.Components.Pages.Review;

namespace MMEvol.Web.Tests.Review;

/// <summary>The bulk confirmation against a real store: the count is stated before anything is written, and a stale count writes nothing.</summary>
public sealed class BulkPanelTests : IAsyncLifetime
{
    private WorkbenchServer _server = null!;
    private int _dataset;
    private int _round1;

    public async Task InitializeAsync()
    {
        _server = WorkbenchServer.Start();
        await _server.WaitForJobsAsync(jobs => jobs.Count == 2 && jobs.All(j => j.State == JobState.Succeeded));
        await using var db = await _server.OpenStoreAsync();
        _dataset = await db.Datasets.Select(d => d.Id).SingleAsync();
        _round1 = await db.Instructions.CountAsync(i => i.RoundNumber == 1);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private BunitContext Context()
    {
        var context = ComponentContext.Create();
        context.AddAuthorization().SetAuthorized("cora");
        context.Services.AddSingleton(_server.Services.GetRequiredService<BulkReview>());
        context.Services.AddScoped<CurrentUser>();
        return context;
    }

    [Fact]
    public async Task Start_StatesTheCount_ApplyWritesOneEntryPerItemNamingTheUser()
    {
        await using var context = Context();
        (string Message, bool Saved)? done = null;
        var filter = new ReviewFilter(_dataset) { Round = 1 };
        var panel = context.Render<BulkPanel>(p => p.Add(c => c.Filter, filter).Add(c => c.Count, _round1).Add(c => c.OnDone, d => done = d));

        // The panel re-renders when its recent bulk actions arrive: find and click on the renderer's thread.
        panel.WaitForElement("#bulk-start");
        await panel.InvokeAsync(() => panel.Find("#bulk-start").Click());
        var confirmation = panel.Find("#bulk-confirmation").TextContent;
        await using (var db = await _server.OpenStoreAsync())
            Assert.False(await db.Reviews.AnyAsync(r => r.BulkId != null));
        await panel.InvokeAsync(() => panel.Find("#bulk-apply").ClickAsync(new()));

        Assert.Contains($"Confirm {_round1} items matching the current filter", confirmation);
        Assert.True(done?.Saved);
        await using var store = await _server.OpenStoreAsync();
        var entries = await store.Reviews.AsNoTracking().Where(r => r.BulkId != null).ToListAsync();
        Assert.Equal(_round1, entries.Count);
        Assert.All(entries, e => Assert.Equal(("cora", ReviewAction.Confirm), (e.User, e.Action)));
        Assert.Equal(_round1, await store.Instructions.CountAsync(i => i.RoundNumber == 1 && i.ReviewState == ReviewState.Confirmed));
        panel.WaitForAssertion(() => Assert.Contains("Confirm of " + _round1, panel.Find(".bulk-recent").TextContent));
    }

    [Fact]
    public async Task StaleCount_IsRefused_AndNothingIsWritten()
    {
        await using var context = Context();
        (string Message, bool Saved)? done = null;
        var filter = new ReviewFilter(_dataset) { Round = 1 };
        var panel = context.Render<BulkPanel>(p => p.Add(c => c.Filter, filter).Add(c => c.Count, _round1 + 3).Add(c => c.OnDone, d => done = d));

        panel.WaitForElement("#bulk-start");
        await panel.InvokeAsync(() => panel.Find("#bulk-start").Click());
        await panel.InvokeAsync(() => panel.Find("#bulk-apply").ClickAsync(new()));

        Assert.False(done?.Saved);
        Assert.Contains($"now matches {_round1}", done?.Message);
        await using var db = await _server.OpenStoreAsync();
        Assert.False(await db.Reviews.AnyAsync(r => r.BulkId != null));
    }
}
