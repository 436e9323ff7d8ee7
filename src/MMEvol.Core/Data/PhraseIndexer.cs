using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MMEvol.Core.Data;

/// <summary>
/// Keeps the phrase index (<see cref="ItemPhraseIndex"/>) up with the items, in the background of the
/// host that serves searches: imports and evolution runs write without it, and a store that predates the
/// index is indexed here once. One batch per write transaction (up to <see cref="Batch"/> edited items and
/// as many new ones), so that a reviewer's save or a job's write waits for at most one batch (about 0.13 s
/// for new items: 2 million took 53 s on two cores).
/// </summary>
public sealed class PhraseIndexer(IDbContextFactory<WorkbenchDb> factory, TimeProvider time, ILogger<PhraseIndexer> logger) : BackgroundService
{
    /// <summary>Items per write transaction.</summary>
    public const int Batch = 5000;

    /// <summary>How long the indexer sleeps when nothing is left to index.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's calls complete synchronously: leave the host's start first.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Typically the store busy past its timeout under a long import: searches read the
                // unindexed items directly meanwhile, so try again later.
                logger.LogWarning(exception, "The phrase index could not catch up; trying again in {Interval}", Interval);
            }
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Indexes every item there is to index now, batch by batch; returns how many items it read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Opened through EF, so that the store's connection pragmas (busy timeout, synchronous) apply.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var behind = await db.Database.SqlQueryRaw<int>(
                """
                SELECT (SELECT count(*) FROM "Items" WHERE "Id" > (SELECT "Through" FROM "ItemPhrasesIndexed"))
                     + (SELECT count(*) FROM "ItemPhrasesPending") AS "Value"
                """)
            .SingleAsync(cancellationToken);
        if (behind == 0)
            return 0;

        var large = behind > Batch;
        if (large)
            logger.LogInformation("Indexing the phrases of {Items} items in the background; searches of several words are slower until it is done", behind);
        var watch = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        var done = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int read;
            using (var transaction = connection.BeginTransaction())
            {
                read = ItemPhraseIndex.CatchUp(connection, transaction, Batch);
                transaction.Commit();
            }
            done += read;
            if (read == 0)
                break;
            if (large && watch.Elapsed - reported >= ReportEvery)
            {
                reported = watch.Elapsed;
                logger.LogInformation("Phrase index: {Done} of {Items} items indexed", done, behind);
            }
        }
        if (large)
            logger.LogInformation("Phrase index: {Done} items indexed in {Seconds:N1} s", done, watch.Elapsed.TotalSeconds);
        return done;
    }
}
