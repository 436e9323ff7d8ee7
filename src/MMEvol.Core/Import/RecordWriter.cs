using Microsoft.Data.Sqlite;
using MMEvol.Core.Data;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Import;

/// <summary>
/// Writes one source record with its rounds and items, rebuilding the lineage as the method
/// defines it: each round's parent is the newest earlier round with a non-empty kept list, whose
/// kept item ids the round records, and item i links to parent item i where the lists line up.
/// </summary>
internal sealed class RecordWriter(WorkbenchDb db, SqliteTransaction transaction) : IDisposable
{
    private readonly BulkInserter<ImageRecord> _records = new(db, transaction);
    private readonly BulkInserter<EvolutionRound> _rounds = new(db, transaction);
    private readonly BulkInserter<Instruction> _items = new(db, transaction);

    public (int Rounds, int Items) Write(int datasetId, SourceRecord source, string fingerprint, ImageCheck? image, string? storedPath, DateTimeOffset now)
    {
        var record = new ImageRecord
        {
            DatasetId = datasetId,
            SourceId = source.Id,
            SourceIndex = source.Index,
            ImagePath = source.Image,
            StoredPath = storedPath,
            Sha256 = image?.Sha256,
            Width = image?.Width,
            Height = image?.Height,
            Caption = source.Caption,
            CaptionPrompt = source.CaptionPrompt,
            Detections = source.Detections.ToList(),
            HashId = source.HashId,
            Fingerprint = fingerprint,
            ImportedAt = now,
        };
        _records.Insert(record);

        EvolutionRound? parent = null;
        List<Instruction> parentItems = [];
        var itemCount = 0;
        foreach (var sourceRound in source.Rounds)
        {
            var round = new EvolutionRound
            {
                RecordId = record.Id,
                Number = sourceRound.Number,
                Direction = sourceRound.Direction,
                ParentRoundId = parent?.Id,
                ParentItemIds = parentItems.Select(i => i.Id).ToList(),
                Status = RoundStatus.Evolved,
                CreatedAt = now,
            };
            _rounds.Insert(round);

            var items = new List<Instruction>(sourceRound.Items.Count);
            for (var i = 0; i < sourceRound.Items.Count; i++)
            {
                var sourceItem = sourceRound.Items[i];
                var item = sourceItem.ToItem(i, round, record, i < parentItems.Count ? parentItems[i] : null, parentItems);
                if (sourceItem.Verdict is not null)
                    item.SetVerdict(sourceItem.Verdict);
                // Seed items and imported evolved items start Kept unless the file recorded otherwise.
                if (sourceItem.Decision is { } decision)
                    item.Decide(decision, policyVersion: null);
                _items.Insert(item);
                items.Add(item);
            }
            itemCount += items.Count;

            var kept = items.Where(i => i.FinalDecision == Decision.Kept).ToList();
            if (kept.Count > 0)
                (parent, parentItems) = (round, kept);
        }
        return (source.Rounds.Count, itemCount);
    }

    public void Dispose()
    {
        _records.Dispose();
        _rounds.Dispose();
        _items.Dispose();
    }
}
