using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Core.Tests.Evolution;

namespace MMEvol.Core.Tests.Review;

public sealed class SavedFiltersTests
{
    [Fact]
    public async Task Save_SameNameTwice_ReplacedAndFoundAgainAsTheFilter()
    {
        await using var world = await EvolutionWorld.CreateAsync(images: 2);
        var saved = new SavedFilters(new StoreFactory(world.Store), TimeProvider.System);
        var first = new ReviewFilter(world.DatasetId) { Round = 1, Direction = Direction.Reasoning, PageSize = 7 };
        var second = new ReviewFilter(world.DatasetId) { MinScore = 6, Text = "circle" };

        await saved.SaveAsync("  strong ", first, "ann");
        await saved.SaveAsync("strong", second, "bob");

        var only = Assert.Single(await saved.ListAsync(world.DatasetId));
        Assert.Equal(("strong", "bob"), (only.Name, only.CreatedBy));
        await using var db = world.Open();
        Assert.Equal(second, await SavedFilters.FindAsync(db, world.DatasetId, "strong"));
        var missing = await Assert.ThrowsAsync<WorkbenchException>(() => SavedFilters.FindAsync(db, world.DatasetId, "weak"));
        Assert.Contains("there are: strong", missing.Message);
    }

    [Fact]
    public async Task Save_PageSizeIsNotPartOfTheSelection_AndAnEmptyNameIsRefused()
    {
        await using var world = await EvolutionWorld.CreateAsync(images: 2);
        var saved = new SavedFilters(new StoreFactory(world.Store), TimeProvider.System);

        await saved.SaveAsync("r0", new ReviewFilter(world.DatasetId) { Round = 0, PageSize = 200 }, "ann");

        await using var db = world.Open();
        Assert.Equal(ReviewFilter.DefaultPageSize, (await SavedFilters.FindAsync(db, world.DatasetId, "r0")).PageSize);
        await Assert.ThrowsAsync<WorkbenchException>(() => saved.SaveAsync(" ", new ReviewFilter(world.DatasetId), "ann"));
        Assert.Equal(1, await db.SavedFilters.CountAsync());
    }
}
