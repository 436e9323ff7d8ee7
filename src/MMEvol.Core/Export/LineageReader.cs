using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;

namespace MMEvol.Core.Export;

/// <summary>Reads a dataset's records with their lineage in id order, a page at a time (keyset paging).</summary>
public static class LineageReader
{
    public static async IAsyncEnumerable<RecordLineage> ReadAsync(WorkbenchDb db, int datasetId, int pageSize = 500,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = 0;
        while (true)
        {
            var records = await db.Records.AsNoTracking()
                .Where(r => r.DatasetId == datasetId && r.Id > after)
                .OrderBy(r => r.Id).Take(pageSize).ToListAsync(cancellationToken);
            if (records.Count == 0)
                yield break;
            var (first, last) = (records[0].Id, records[^1].Id);
            var rounds = await db.Rounds.AsNoTracking()
                .Where(r => r.RecordId >= first && r.RecordId <= last && r.Record!.DatasetId == datasetId)
                .ToListAsync(cancellationToken);
            var items = await db.Instructions.AsNoTracking()
                .Where(i => i.DatasetId == datasetId && i.RecordId >= first && i.RecordId <= last)
                .ToListAsync(cancellationToken);

            var itemsByRound = items.ToLookup(i => i.RoundId);
            foreach (var round in rounds)
                round.Items = itemsByRound[round.Id].OrderBy(i => i.Index).ToList();
            var roundsByRecord = rounds.ToLookup(r => r.RecordId);
            foreach (var record in records)
                yield return new RecordLineage(record, roundsByRecord[record.Id].OrderBy(r => r.Number).ToList());
            after = last;
        }
    }
}
