using Microsoft.EntityFrameworkCore;
using MMEvol.Core;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Cli.Infrastructure;

internal static class DatasetLookup
{
    public static async Task<Dataset> ByNameAsync(WorkbenchDb db, string name, CancellationToken cancellationToken) =>
        await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Name == name, cancellationToken)
        ?? throw new WorkbenchException($"No dataset named '{name}'" +
            (await db.Datasets.Select(d => d.Name).ToListAsync(cancellationToken) is { Count: > 0 } names ? $" (there are: {string.Join(", ", names)})." : "; import one first."));
}
