using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Export;
using MMEvol.Core.Model;
using MMEvol.Core.Review;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Training;

/// <summary>One question/answer pair a run trains on, with the image file it is about (null for text-only records).</summary>
public sealed record SnapshotItem(long ItemId, int RecordId, string? ImagePath, string Question, string Answer);

/// <summary>Where a snapshot came from: enough to tell whether two runs saw the same data and decisions.</summary>
public sealed record SnapshotProvenance(SnapshotKind Kind, string? Filter, int Items, string Hash, int PolicyVersion, int Overrides, string OverridesHash);

/// <summary>
/// Takes a dataset's items for training: the seed (as imported), Kept (DESIGN.md: the seed and every
/// round's items whose final decision is Kept), everything regardless of decisions, or what a review
/// filter matches. Answers carry their reasoning steps as exports do. Items come in id order, so the
/// same store gives the same snapshot and the same hash.
/// </summary>
public static class TrainingSnapshot
{
    public static async Task<(IReadOnlyList<SnapshotItem> Items, SnapshotProvenance Provenance)> TakeAsync(
        WorkbenchDb db, DataDirectory data, int datasetId, SnapshotKind kind, ReviewFilter? filter, CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken)
            ?? throw new WorkbenchException($"There is no dataset {datasetId}.");
        if (kind == SnapshotKind.Filter && filter is null)
            throw new WorkbenchException("A filter snapshot needs the review filter it selects by.");
        if (filter is not null && filter.DatasetId != datasetId)
            throw new WorkbenchException($"The review filter is for dataset {filter.DatasetId}, not {datasetId}.");

        var source = db.Instructions.AsNoTracking().Where(i => i.DatasetId == datasetId);
        var items = kind switch
        {
            SnapshotKind.Seed => source.Where(i => i.RoundNumber == 0),
            SnapshotKind.Kept => source.Where(i => i.FinalDecision == Decision.Kept),
            SnapshotKind.All => source,
            SnapshotKind.Filter => (await ReviewFilters.MatchingAsync(db, filter!, cancellationToken)).AsNoTracking(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var chosen = await items.OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var recordIds = chosen.Select(i => i.RecordId).Distinct().ToList();
        var records = new Dictionary<int, ImageRecord>();
        foreach (var chunk in recordIds.Chunk(5_000))
        {
            foreach (var record in await db.Records.AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(cancellationToken))
                records[record.Id] = record;
        }

        var snapshot = chosen
            .Select(i => new SnapshotItem(i.Id, i.RecordId, ImageLocator.Resolve(data, dataset, records[i.RecordId]), i.Question, AnswerRenderer.Render(i)))
            .ToList();
        var overrides = chosen.Where(i => i.Override is not null).Select(i => (i.Id, i.Override!.Value)).ToList();
        var provenance = new SnapshotProvenance(kind, filter is null ? null : JsonSerializer.Serialize(filter), snapshot.Count,
            HashIds(chosen.Select(i => i.Id)), dataset.PolicyVersion, overrides.Count,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', overrides.Select(o => $"{o.Id}:{o.Value}"))))));
        return (snapshot, provenance);
    }

    /// <summary>SHA-256 of ids in the given (ascending) order, 8 bytes little-endian each, as lower-case hex.</summary>
    public static string HashIds(IEnumerable<long> ids)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[8];
        foreach (var id in ids)
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer, id);
            hash.AppendData(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
