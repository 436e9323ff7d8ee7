using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Elimination;
using MMEvol.Core.Model;

namespace MMEvol.Core.Thresholds;

/// <summary>
/// Previews and applies policies. The packed snapshot of a dataset is kept in memory while its
/// stamp holds, so moving a slider costs a stamp check and a scan (milliseconds), not a read of
/// two million rows; one dataset's snapshot is read by one caller at a time.
/// </summary>
public sealed class ThresholdPreviewer(IDbContextFactory<WorkbenchDb> factory, TimeProvider time)
{
    // 512 MiB at most, taken only as pages are touched, for the length of one apply.
    private const int ApplyCacheKiB = 512 * 1024;

    private readonly ConcurrentDictionary<int, PolicySnapshot> _snapshots = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _loading = new();

    public async Task<EliminationPolicy> CurrentAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await PolicyApplier.CurrentAsync(db, datasetId, cancellationToken);
    }

    public async Task<ThresholdPreview> PreviewAsync(int datasetId, EliminationPolicy proposed, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var current = await PolicyApplier.CurrentAsync(db, datasetId, cancellationToken);
        var snapshot = await SnapshotAsync(db, datasetId, cancellationToken);
        return ThresholdCalculator.Preview(snapshot, current, proposed);
    }

    /// <summary>
    /// The proposal becomes the dataset's policy: a new version, one audit entry, and the automatic
    /// decision of every item it changes. Under the write lock the snapshot is checked against the
    /// store (read again if anything changed), so the items written are exactly those whose decision
    /// changes; only they are written, by primary key.
    /// </summary>
    public async Task<EliminationPolicy> ApplyAsync(int datasetId, EliminationPolicy proposed, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var snapshot = await SnapshotAsync(db, datasetId, cancellationToken);
        var (keep, eliminate) = ThresholdCalculator.Changes(snapshot, proposed);
        var applied = await PolicyApplier.RecordAsync(db, datasetId, proposed, user, time, cancellationToken);
        // Each changed decision moves an entry in four indexes, at random places: with SQLite's
        // default 2 MB page cache those pages are spilled and read back over and over.
        await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = -{ApplyCacheKiB}", cancellationToken);
        try
        {
            await PolicyApplier.RedecideAsync(db, keep, Decision.Kept, applied.Version, cancellationToken);
            await PolicyApplier.RedecideAsync(db, eliminate, Decision.Eliminated, applied.Version, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            // The connection returns to the pool: it must not keep a large cache.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
        }
        _snapshots.TryRemove(datasetId, out _);
        return applied;
    }

    private async Task<PolicySnapshot> SnapshotAsync(WorkbenchDb db, int datasetId, CancellationToken cancellationToken)
    {
        var stamp = await SnapshotStamp.ReadAsync(db, datasetId, cancellationToken);
        if (_snapshots.TryGetValue(datasetId, out var cached) && cached.Stamp == stamp)
            return cached;
        var gate = _loading.GetOrAdd(datasetId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshots.TryGetValue(datasetId, out cached) && cached.Stamp == stamp)
                return cached;
            var loaded = await PolicySnapshot.LoadAsync(db, datasetId, cancellationToken);
            _snapshots[datasetId] = loaded;
            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }
}
