using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MMEvol.Core.Data;
using MMEvol.Core.Data.Configurations;
using MMEvol.Core.Evolution;
using MMEvol.Core.Review;
using MMEvol.Core.Tests.Evolution;
using MMEvol.Core.Tests.Review;

namespace MMEvol.Core.Tests.Data;

public sealed class ItemTextIndexTests
{
    [Theory]
    [InlineData("abcd", "\"abc\" AND \"bcd\"")]
    [InlineData("abcdef", "\"abc\" AND \"cde\" AND \"def\"")]
    [InlineData("aaaaaaa", "\"aaa\"")]
    [InlineData("say \"hi", "\"say\" AND \"y \"\"\" AND \"\"\"hi\"")]
    [InlineData("a😀b", "\"a😀b\"")]
    public void Match_Text_IsEveryOtherTrigramAndTheLastQuoted(string text, string expected) => Assert.Equal(expected, ItemTextIndex.Match(text));

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("😀😀")]
    public void Match_NoTrigram_IsNull(string text) => Assert.Null(ItemTextIndex.Match(text));

    [Fact]
    public void Match_LongText_KeepsTheFirst32()
    {
        var text = string.Join(",", Enumerable.Range(100, 200)); // "100,101,102,...": hundreds of distinct trigrams

        var terms = ItemTextIndex.Match(text)!.Split(" AND ");

        Assert.Equal(32, terms.Length);
        Assert.Equal(["\"100\"", "\"0,1\"", "\"101\""], terms[..3]);
    }

    [Fact]
    public void Match_TrigramsWithNul_AreLeftOut()
    {
        Assert.Null(ItemTextIndex.Match("ab\0cd"));
        Assert.Equal("\"abc\"", ItemTextIndex.Match("abc\0"));
    }

    [Fact]
    public void Match_LoneSurrogate_IsNull() => Assert.Null(ItemTextIndex.Match("ab" + (char)0xD800 + "cd")); // built here: attributes mangle it

    [Fact]
    public async Task Index_ImportsTextEditsAndCascadingDeletes_StayInStepWithTheItems()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("a.json",
            """
            [{"id": "a1", "conversations": [{"from": "human", "value": "Is the zebracorn grazing?"}, {"from": "gpt", "value": "Yes."}]},
             {"id": "a2", "conversations": [{"from": "human", "value": "What is on the table?"}, {"from": "gpt", "value": "A quokkafish."}]}]
            """), "a");
        await store.ImportAsync(store.Write("b.json",
            """[{"id": "b1", "conversations": [{"from": "human", "value": "Where is the zebracorn?"}, {"from": "gpt", "value": "Left."}]}]"""), "b");
        await using var db = store.Open();

        Assert.Equal(await db.Instructions.MaxAsync(i => i.Id), await ThroughAsync(db));
        Assert.Equal(2, await IndexedAsync(db, "ZEBRACORN"));
        Assert.Equal(1, await IndexedAsync(db, "quokkafish"));

        await db.Instructions.Where(i => i.Answer == "A quokkafish.").ExecuteUpdateAsync(s => s.SetProperty(i => i.Answer, "A teapot."));
        Assert.Equal(0, await IndexedAsync(db, "quokkafish"));
        Assert.Equal(1, await IndexedAsync(db, "teapot"));

        await db.Datasets.Where(d => d.Name == "a").ExecuteDeleteAsync();
        Assert.Equal(1, await IndexedAsync(db, "zebracorn"));
        Assert.Equal(0, await IndexedAsync(db, "teapot"));
        Assert.Equal(await db.Instructions.CountAsync(), await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM \"ItemText\"").SingleAsync());
    }

    [Fact]
    public async Task Migration_OverAStoreWithItems_IndexesThemAll()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("a.json",
            """[{"id": "a1", "conversations": [{"from": "human", "value": "Is the zebracorn grazing?"}, {"from": "gpt", "value": "Yes."}]}]"""), "a");
        await using var db = store.Open();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var textIndex = migrations.FindIndex(m => m.EndsWith("_ItemTextIndex", StringComparison.Ordinal));

        await migrator.MigrateAsync(migrations[textIndex - 1]); // the store as it was before the index
        Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name LIKE 'ItemText%'").SingleAsync());
        await migrator.MigrateAsync();

        Assert.Equal(1, await IndexedAsync(db, "zebracorn"));
        Assert.Equal(await db.Instructions.MaxAsync(i => i.Id), await ThroughAsync(db));
    }

    [Fact]
    public async Task Evolve_ManyUnits_IndexesAsItGoesLeavingFewerThanCatchUpEveryBehind()
    {
        await using var world = await EvolutionWorld.CreateAsync(300);
        await using var db = world.Open();
        var seeds = await db.Instructions.MaxAsync(i => i.Id);

        await world.EvolveAsync(new EvolveSettings { Rounds = 3, Seed = 5 });

        var evolved = await db.Instructions.CountAsync(i => i.Id > seeds);
        var through = await ThroughAsync(db);
        Assert.True(evolved > ItemTextIndex.CatchUpEvery, $"only {evolved} items evolved: too few to need a catch-up");
        Assert.InRange(await db.Instructions.CountAsync(i => i.Id > through), 0, ItemTextIndex.CatchUpEvery - 1);
    }

    [Fact]
    public async Task PageAsync_ItemsWrittenWithoutCatchUp_AreFoundUntilTheNextCatchUpIndexesThem()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("a.json",
            """[{"id": "a1", "conversations": [{"from": "human", "value": "Is the zebracorn grazing?"}, {"from": "gpt", "value": "Yes."}]}]"""), "a");
        await using var db = store.Open();
        var dataset = await db.Datasets.Select(d => d.Id).SingleAsync();
        // A writer that forgot the catch-up: a copy of the item under a new id and a new text.
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "Items" ("RoundId", "DatasetId", "RecordId", "RoundNumber", "Direction", "Index", "Question", "Answer", "Steps", "Objects", "Skills",
                "Format", "ImagePosition", "AutoDecision", "ReviewState", "FinalDecision", "Version", "Metrics_FormatChanged", "Metrics_Length",
                "Metrics_Objects", "Metrics_Skills", "Metrics_Steps")
            SELECT "RoundId", "DatasetId", "RecordId", "RoundNumber", "Direction", 1, 'Is the unicorn grazing?', "Answer", "Steps", "Objects", "Skills",
                "Format", "ImagePosition", "AutoDecision", "ReviewState", "FinalDecision", "Version", "Metrics_FormatChanged", "Metrics_Length",
                "Metrics_Objects", "Metrics_Skills", "Metrics_Steps" FROM "Items"
            """);
        var query = new ReviewQuery(new StoreFactory(store));
        var unicorn = new ReviewFilter(dataset) { Text = "unicorn" };

        Assert.Equal(0, await IndexedAsync(db, "unicorn"));
        Assert.Single((await query.PageAsync(unicorn, null)).Rows);
        Assert.Equal(1, await query.CountAsync(unicorn));

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        using (var transaction = connection.BeginTransaction())
        {
            ItemTextIndex.CatchUp(connection, transaction);
            transaction.Commit();
        }
        Assert.Equal(1, await IndexedAsync(db, "unicorn"));
        Assert.Single((await query.PageAsync(unicorn, null)).Rows);
    }

    [Fact]
    public async Task PageAsync_RareTextInALargerStore_ReadsOnlyTheCandidates()
    {
        await using var store = await TestStore.CreateAsync();
        var records = Enumerable.Range(0, 300).Select(n =>
            $$"""{"id": "r{{n}}", "conversations": [{"from": "human", "value": "What colour is shape {{n}}?"}, {"from": "gpt", "value": "{{(n == 123 ? "Vermilion." : "Red.")}}"}]}""");
        await store.ImportAsync(store.Write("r.json", "[" + string.Join(",", records) + "]"), "r");
        await using var db = store.Open();
        var dataset = await db.Datasets.Where(d => d.Name == "r").Select(d => d.Id).SingleAsync();
        var plans = new PlanRecorder();
        var query = new ReviewQuery(new StoreFactory(store, plans));

        var page = await query.PageAsync(new ReviewFilter(dataset) { Text = "vermilion" }, null);

        Assert.Equal("r123", Assert.Single(page.Rows).RecordSourceId);
        var items = plans.Queries.Where(q => q.Sql.Contains("\"Items\"", StringComparison.Ordinal)).SelectMany(q => q.Plan).ToList();
        Assert.Contains(items, p => p.StartsWith("SEARCH Items USING INTEGER PRIMARY KEY (rowid=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(items, PlanRecorder.ReadsItemsBeyondKeys);
    }

    [Theory]
    [InlineData("shape 123?", 1)] // rare: the window of 10 items misses it, the candidates are read by id
    [InlineData("colour is", 6)] // common: the window fills the page of 5 (and one more), nothing else is read
    public async Task PageAsync_TextTooCommonForTheFirstLimit_ReadsAWindowThenTheCandidates(string text, int matches)
    {
        await using var store = await TestStore.CreateAsync();
        var records = Enumerable.Range(0, 300).Select(n =>
            $$"""{"id": "r{{n}}", "conversations": [{"from": "human", "value": "What colour is shape {{n}}?"}, {"from": "gpt", "value": "Red."}]}""");
        await store.ImportAsync(store.Write("r.json", "[" + string.Join(",", records) + "]"), "r");
        await using var db = store.Open();
        var dataset = await db.Datasets.Where(d => d.Name == "r").Select(d => d.Id).SingleAsync();
        var plans = new PlanRecorder();
        var query = new ReviewQuery(new StoreFactory(store, plans)) { TextCandidateLimit = 0, ScanWindow = 10 };

        var page = await query.PageAsync(new ReviewFilter(dataset) { Text = text, PageSize = 5 }, null);

        Assert.Equal(Math.Min(matches, 5), page.Rows.Count);
        Assert.Equal(matches > 5, page.HasMore);
        var itemQueries = plans.ItemReads.ToList();
        Assert.Contains("ORDER BY \"Id\" LIMIT", itemQueries[0].Sql, StringComparison.Ordinal); // the window
        Assert.Contains(itemQueries[0].Plan, p => p.Contains("INDEX " + InstructionConfiguration.ReviewByIdIndex, StringComparison.Ordinal));
        if (page.HasMore)
            Assert.Single(itemQueries);
        else
        {
            Assert.Equal("r123", Assert.Single(page.Rows).RecordSourceId);
            Assert.Contains(itemQueries[^1].Plan, p => p.StartsWith("SEARCH Items USING INTEGER PRIMARY KEY (rowid=?)", StringComparison.Ordinal));
            Assert.DoesNotContain(itemQueries[^1].Plan, p => p.StartsWith("SCAN Items", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("nul \0 inside")]
    [InlineData("\"\"\" AND OR NOT ( ) * ^ :")]
    [InlineData("NEAR(a b, 2)")]
    public async Task PageAsync_TextThatMeansSomethingToFts5_IsJustText(string text)
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("a.json",
            """[{"id": "a1", "conversations": [{"from": "human", "value": "What is here?"}, {"from": "gpt", "value": "Nothing."}]}]"""), "a");
        await using var db = store.Open();
        var dataset = await db.Datasets.Select(d => d.Id).SingleAsync();
        var query = new ReviewQuery(new StoreFactory(store));

        var page = await query.PageAsync(new ReviewFilter(dataset) { Text = text }, null);

        Assert.Empty(page.Rows);
        Assert.Equal(0, await query.CountAsync(new ReviewFilter(dataset) { Text = text }));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100_000, 100_000)] // the candidates of either index
    public async Task PageAsync_TextWithANul_SearchesTheTextBeforeIt(int textLimit, int wideLimit)
    {
        // LIKE stops reading a pattern at a NUL, its closing % included: "abc\0..." would mean "ends with abc" to the
        // scan, while the indexes looked for the words after the NUL too. Cut there, every path means "contains abc".
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("a.json",
            """[{"id": "a1", "conversations": [{"from": "human", "value": "Is abc here?"}, {"from": "gpt", "value": "Yes."}]}]"""), "a");
        await store.IndexPhrasesAsync();
        await using var db = store.Open();
        var filter = new ReviewFilter(await db.Datasets.Select(d => d.Id).SingleAsync()) { Text = "abc\0def ghi jkl" };
        var query = new ReviewQuery(new StoreFactory(store)) { TextCandidateLimit = textLimit, WideCandidateLimit = wideLimit };

        Assert.Equal("abc", filter.Substring);
        Assert.Single((await query.PageAsync(filter, null)).Rows);
        Assert.Equal(1, await query.CountAsync(filter));
    }

    private static Task<int> IndexedAsync(WorkbenchDb db, string text) =>
        db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM \"ItemText\" WHERE \"ItemText\" MATCH {ItemTextIndex.Match(text)}").SingleAsync();

    private static Task<long> ThroughAsync(WorkbenchDb db) =>
        db.Database.SqlQuery<long>($"SELECT \"Through\" AS \"Value\" FROM \"ItemTextIndexed\"").SingleAsync();
}
