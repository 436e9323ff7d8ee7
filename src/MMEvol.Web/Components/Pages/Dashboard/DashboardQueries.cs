using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Statistics;

namespace MMEvol.Web.Components.Pages.Dashboard;

/// <summary>What the dashboard polls: each call opens its own short-lived context (never one per circuit).</summary>
public sealed class DashboardQueries(IDbContextFactory<WorkbenchDb> factory)
{
    public async Task<IReadOnlyList<DatasetStats>> DatasetsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var names = await db.Datasets.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(cancellationToken);
        var stats = new List<DatasetStats>(names.Count);
        foreach (var name in names)
            stats.Add(await DatasetStats.ComputeAsync(db, name, cancellationToken));
        return stats;
    }

    /// <summary>Every dataset's id and name, by name: the choices of the launch and export forms.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> DatasetNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Datasets.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<JobRow>> JobsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AsNoTracking()
            .OrderByDescending(j => j.Id)
            .Take(limit)
            .Select(j => new JobRow(j.Id, j.Kind, j.State, db.Datasets.Where(d => d.Id == j.DatasetId).Select(d => d.Name).FirstOrDefault(),
                j.Done, j.Total, j.CreatedBy, j.CreatedAt, j.FinishedAt, j.Error))
            .ToListAsync(cancellationToken);
    }
}
