using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;

namespace MMEvol.Core.Review;

/// <summary>
/// One record's whole lineage in three indexed queries (record by key, rounds by (record, number),
/// items by (record, round, index)), whatever the number of rounds and items.
/// </summary>
public sealed class LineageQuery(IDbContextFactory<WorkbenchDb> factory)
{
    /// <summary>The record with its rounds and items in order, or null when the record no longer exists.</summary>
    public async Task<RecordLineageView?> LoadAsync(int recordId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var record = await db.Records.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
            return null;
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.RecordId == recordId).OrderBy(r => r.Number).ToListAsync(cancellationToken);
        var items = await db.Instructions.AsNoTracking().Where(i => i.RecordId == recordId)
            .OrderBy(i => i.RoundNumber).ThenBy(i => i.Index).ToListAsync(cancellationToken);

        var byRound = items.ToLookup(i => i.RoundId);
        foreach (var round in rounds)
            round.Items = byRound[round.Id].ToList();
        record.Rounds = rounds;
        return new RecordLineageView(record, rounds);
    }
}
