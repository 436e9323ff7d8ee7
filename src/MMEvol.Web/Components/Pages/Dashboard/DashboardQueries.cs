using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;
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

    public async Task<ReviewCoverage> CoverageAsync(string dataset, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var id = await db.Datasets.Where(d => d.Name == dataset).Select(d => d.Id).SingleOrDefaultAsync(cancellationToken);
        var counts = await db.Instructions.AsNoTracking()
            .Where(i => i.DatasetId == id)
            .GroupBy(i => 1)
            .Select(g => new
            {
                Items = g.Count(),
                Confirmed = g.Count(i => i.ReviewState == ReviewState.Confirmed),
                Overridden = g.Count(i => i.ReviewState == ReviewState.Overridden),
                Agreeing = g.Count(i => i.ReviewState == ReviewState.Overridden && i.Override == i.AutoDecision),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return counts is null ? new ReviewCoverage(0, 0, 0, 0) : new ReviewCoverage(counts.Items, counts.Confirmed, counts.Overridden, counts.Agreeing);
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
