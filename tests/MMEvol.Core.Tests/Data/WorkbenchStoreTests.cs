using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Data;

public sealed class WorkbenchStoreTests
{
    private static async Task<string> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task Migrate_NewFile_AppliesEveryMigrationInWalMode()
    {
        await using var store = await TestStore.CreateAsync();

        Assert.Equal("wal", await ScalarAsync(store.Data.DatabaseFile, "PRAGMA journal_mode;"));
        await using var db = store.Open();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Open_EveryConnection_WaitsForOtherWritersAndEnforcesForeignKeys()
    {
        await using var store = await TestStore.CreateAsync();
        await using var db = store.Open();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(10000L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Migrate_Twice_KeepsTheData()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var db = store.Open())
        {
            db.Datasets.Add(new Dataset { Name = "kept", CreatedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
        }

        await using (var db = store.Open())
            await WorkbenchStore.MigrateAsync(db);

        await using var check = store.Open();
        Assert.Equal("kept", (await check.Datasets.SingleAsync()).Name);
    }

    [Theory]
    [InlineData("SELECT Id FROM Items WHERE DatasetId = 1 AND RoundNumber = 1 AND Direction = 'Reasoning' AND FinalDecision = 'Kept' AND Id > 0 ORDER BY Id LIMIT 50")]
    [InlineData("SELECT Id FROM Items WHERE DatasetId = 1 AND FinalDecision = 'Kept' AND Id > 0 ORDER BY Id LIMIT 50")]
    [InlineData("SELECT Id FROM Items WHERE DatasetId = 1 AND ReviewState = 'Unreviewed' AND Id > 0 ORDER BY Id LIMIT 50")]
    [InlineData("SELECT Id FROM Items WHERE DatasetId = 1 AND JudgeScore >= 5 ORDER BY JudgeScore, Id LIMIT 50")]
    public async Task Schema_EveryReviewFilter_IsServedByAnIndex(string query)
    {
        await using var store = await TestStore.CreateAsync();

        await using var connection = new SqliteConnection($"Data Source={store.Data.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));

        Assert.Contains(plan, p => p.Contains("USING INDEX IX_Items_DatasetId_", StringComparison.Ordinal) || p.Contains("USING COVERING INDEX IX_Items_DatasetId_", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.Contains("USE TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveChanges_OverAnItemChangedMeanwhile_IsRefused()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("d.json", """[{"id": "1", "conversations": [{"from": "human", "value": "Q?"}, {"from": "gpt", "value": "A."}]}]"""));
        await using var first = store.Open();
        await using var second = store.Open();
        var mine = await first.Instructions.SingleAsync();
        var theirs = await second.Instructions.SingleAsync();

        theirs.OverrideWith(Decision.Eliminated);
        await second.SaveChangesAsync();
        mine.OverrideWith(Decision.Kept);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        await using var check = store.Open();
        Assert.Equal(Decision.Eliminated, (await check.Instructions.SingleAsync()).FinalDecision);
    }
}
