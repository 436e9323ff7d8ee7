using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Elimination;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Evolution;

/// <summary>What every unit of one run shares: the dataset, its current policy and the labels it knows.</summary>
public sealed record EvolutionContext(DataDirectory Data, Dataset Dataset, PolicyRule Policy, IReadOnlySet<string> KnownLabels)
{
    public static async Task<EvolutionContext> LoadAsync(WorkbenchDb db, DataDirectory data, int datasetId, CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == datasetId, cancellationToken);
        var policy = await PolicyApplier.CurrentAsync(db, datasetId, cancellationToken);
        var labels = (await db.Records.AsNoTracking().Where(r => r.DatasetId == datasetId).Select(r => r.Detections).ToListAsync(cancellationToken))
            .SelectMany(d => d).Select(d => d.Label).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new EvolutionContext(data, dataset, new PolicyRule(policy), labels);
    }

    public string? ImagePath(ImageRecord record) => ImageLocator.Resolve(Data, Dataset, record);
}
