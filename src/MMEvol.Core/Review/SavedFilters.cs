using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Review;

/// <summary>Review filters kept by name per dataset. Saving under a name that exists replaces that filter.</summary>
public sealed class SavedFilters(IDbContextFactory<WorkbenchDb> factory, TimeProvider time)
{
    public const int MaxNameLength = 80;

    public static string ToJson(ReviewFilter filter) => JsonSerializer.Serialize(filter);

    public static ReviewFilter FromJson(string json) =>
        JsonSerializer.Deserialize<ReviewFilter>(json) ?? throw new WorkbenchException("A saved filter is empty.");

    /// <exception cref="WorkbenchException">The name is empty or too long.</exception>
    public async Task<SavedFilter> SaveAsync(string name, ReviewFilter filter, string user, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
            throw new WorkbenchException($"A filter's name needs 1 to {MaxNameLength} characters.");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var saved = await db.SavedFilters.SingleOrDefaultAsync(f => f.DatasetId == filter.DatasetId && f.Name == name, cancellationToken);
        if (saved is null)
        {
            saved = new SavedFilter { DatasetId = filter.DatasetId, Name = name, Filter = "", CreatedBy = user };
            db.SavedFilters.Add(saved);
        }
        // Paging is the list's business, not the selection's.
        (saved.Filter, saved.CreatedBy, saved.CreatedAt) = (ToJson(filter with { PageSize = ReviewFilter.DefaultPageSize }), user, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return saved;
    }

    public async Task<IReadOnlyList<SavedFilter>> ListAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.SavedFilters.AsNoTracking().Where(f => f.DatasetId == datasetId).OrderBy(f => f.Name).ToListAsync(cancellationToken);
    }

    /// <exception cref="WorkbenchException">No filter of that name for the dataset.</exception>
    public static async Task<ReviewFilter> FindAsync(WorkbenchDb db, int datasetId, string name, CancellationToken cancellationToken = default)
    {
        var saved = await db.SavedFilters.AsNoTracking().SingleOrDefaultAsync(f => f.DatasetId == datasetId && f.Name == name, cancellationToken);
        if (saved is not null)
            return FromJson(saved.Filter);
        var names = await db.SavedFilters.Where(f => f.DatasetId == datasetId).Select(f => f.Name).ToListAsync(cancellationToken);
        throw new WorkbenchException($"No saved filter named '{name}'" + (names.Count > 0 ? $" (there are: {string.Join(", ", names)})." : "; save one on the review page."));
    }
}
