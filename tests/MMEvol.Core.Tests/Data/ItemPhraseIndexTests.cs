using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Data;
using MMEvol.Core.Review;
using MMEvol.Core.Tests.Review;

namespace MMEvol.Core.Tests.Data;

public sealed class ItemPhraseIndexTests
{
    [Theory]
    [InlineData("kite near the boat", "\"near_the_boat\"*")] // "kite" may end a longer word, "boat" begin one
    [InlineData("a kite near the boat", "\"kite_near_the\" AND \"near_the_boat\"*")]
    [InlineData(" kite near the boat.", "\"kite_near_the\" AND \"near_the_boat\"")] // whole at both ends
    [InlineData("Kite, NEAR;  the Boat ", "\"NEAR_the_Boat\"")] // the tokenizer folds ASCII case
    [InlineData("café noël à Paris", "\"noël_à_Paris\"*")]
    [InlineData("a😀b c-d e", "\"b_c_d\" AND \"c_d_e\"*")] // an emoji is no letter: it separates words as in the items
    public void Match_ThreeWholeWords_IsEveryRunOfThree(string text, string expected) => Assert.Equal(expected, ItemPhraseIndex.Match(text));

    [Fact]
    public void Match_LastWordWhole_HasNoPrefix() =>
        Assert.Equal("\"kite_near_the\" AND \"near_the_boat\"", ItemPhraseIndex.Match("a kite near the boat", lastWordWhole: true));

    [Theory]
    [InlineData("")]
    [InlineData("kaleidoscope")]
    [InlineData("kite near the")] // "kite" may be the end of a word: two whole words are not enough
    [InlineData("-- ! ?")]
    [InlineData("\"\"\" AND OR")]
    public void Match_FewerThanThreeWholeWords_IsNull(string text) => Assert.Null(ItemPhraseIndex.Match(text));

    [Fact]
    public void Match_LongText_KeepsTheFirstFifteenRunsAndTheLast()
    {
        var text = " " + string.Join(' ', Enumerable.Range(0, 40).Select(n => $"w{n}"));

        var terms = ItemPhraseIndex.Match(text)!.Split(" AND ");

        Assert.Equal(16, terms.Length);
        Assert.Equal("\"w0_w1_w2\"", terms[0]);
        Assert.Equal("\"w14_w15_w16\"", terms[14]);
        Assert.Equal("\"w37_w38_w39\"*", terms[15]);
    }

    [Fact]
    public void Document_QuestionAndAnswer_AreRunsOfThreeWordsEachApart()
    {
        Assert.Equal("What_is_the is_the_kite the_kite_s kite_s_colour It_is_red",
            ItemPhraseIndex.Document("What is the kite's colour?", "It is red."));
        Assert.Equal("", ItemPhraseIndex.Document("Why?", "Red kite."));
    }

    [Fact]
    public void DocumentAndMatch_WordsLongerThanTheLimit_AreCutAlike()
    {
        var word = new string('q', ItemPhraseIndex.MaxWordLength + 30);
        var cut = new string('q', ItemPhraseIndex.MaxWordLength);

        Assert.Equal($"a_{cut}_b", ItemPhraseIndex.Document($"a {word} b", ""));
        Assert.Equal($"\"a_{cut}_b\"", ItemPhraseIndex.Match($" a {word} b "));
    }

    [Fact]
    public async Task Index_AnyTextSearchedInAnyItem_FindsEveryItemThatLikeFinds()
    {
        // Random items from a small vocabulary with mixed case, punctuation and non-ASCII letters; searches cut
        // out of items at any character (inside words too) or made of words alone. Whatever LIKE finds, the index must.
        var random = new Random(29);
        string[] vocabulary = ["kite", "near", "the", "boat", "Kite", "BOAT", "café", "Noël", "über", "a", "of", "50", "x2", "kites", "theboat"];
        string[] separators = [" ", " ", " ", ", ", ". ", "-", "  ", "'", "😀", "\n"];
        string Text(int words) => string.Concat(Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)] + separators[random.Next(separators.Length)]));
        var records = Enumerable.Range(0, 150).Select(n => new { id = $"r{n}", conversations = new[] { new { from = "human", value = Text(random.Next(2, 12)) }, new { from = "gpt", value = Text(random.Next(1, 15)) } } });
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("r.json", System.Text.Json.JsonSerializer.Serialize(records)), "r");
        await store.IndexPhrasesAsync();
        await using var db = store.Open();
        var items = await db.Instructions.Select(i => new { i.Id, i.Question, i.Answer }).ToListAsync();

        var searches = new List<string>();
        for (var n = 0; n < 300; n++)
        {
            var item = items[random.Next(items.Count)];
            var source = random.Next(2) == 0 ? item.Question : item.Answer;
            var start = random.Next(source.Length);
            var length = random.Next(1, source.Length - start + 1);
            var cut = source.Substring(start, length);
            searches.Add(random.Next(3) == 0 ? cut.ToUpperInvariant() : cut);
            searches.Add(Text(random.Next(3, 6)).Trim());
        }

        var used = 0;
        foreach (var search in searches)
        {
            if (ItemPhraseIndex.Match(search) is not { } match)
                continue;
            used++;
            var pattern = LikePattern.Containing(search);
            var liked = await db.Instructions
                .Where(i => EF.Functions.Like(i.Question, pattern, LikePattern.Escape) || EF.Functions.Like(i.Answer, pattern, LikePattern.Escape))
                .Select(i => i.Id).ToListAsync();
            var found = await db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"ItemPhrases\" WHERE \"ItemPhrases\" MATCH {match}").ToListAsync();
            Assert.True(liked.All(found.Contains), $"\"{search}\" ({match}): LIKE finds {string.Join(", ", liked.Except(found))} that the index misses");
        }
        Assert.True(used > 150, $"only {used} of {searches.Count} searches had three whole words");
    }

    [Fact]
    public async Task CountAsync_AnyTextCutOutOfAnyItem_CountsWhatLikeCountsOverTheDataset()
    {
        // The whole path (both indexes, the dataset's span, items past the phrase index's reach, edited items) against
        // LIKE over the dataset, on words that test the tokenizers: cut at 64 characters, decomposed accents, letters
        // outside the BMP, digits inside words, '_' between words.
        var random = new Random(1129);
        string[] vocabulary =
        [
            "kite", "near", "the", "Boat", "a", "of", "R2D2", "x2y", "50", "cafe\u0301", "Noël", "\U0001D400lpha", new string('q', 70) + "end",
            new string('q', 64), "snake_case", "ÉTÉ", "été",
        ];
        string[] separators = [" ", " ", " ", ", ", ". ", "-", "'", "😀", "\n", "__"];
        string Text(int words) => string.Concat(Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)] + separators[random.Next(separators.Length)]));
        string Records(string prefix, int count) => System.Text.Json.JsonSerializer.Serialize(Enumerable.Range(0, count).Select(n => new
        {
            id = $"{prefix}{n}",
            conversations = new[] { new { from = "human", value = Text(random.Next(2, 12)) }, new { from = "gpt", value = Text(random.Next(1, 15)) } },
        }));
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("other.json", Records("o", 60)), "other"); // ids below the searched dataset's
        await store.ImportAsync(store.Write("r1.json", Records("a", 120)), "r");
        await store.IndexPhrasesAsync();
        await store.ImportAsync(store.Write("r2.json", Records("b", 60)), "r"); // past the phrase index's reach
        await store.ImportAsync(store.Write("late.json", Records("l", 30)), "other");
        await using var db = store.Open();
        var r = await db.Datasets.Where(d => d.Name == "r").Select(d => d.Id).SingleAsync();
        foreach (var edited in await db.Instructions.Where(i => i.DatasetId == r).OrderBy(i => i.Id).Take(10).Select(i => i.Id).ToListAsync())
            await db.Instructions.Where(i => i.Id == edited).ExecuteUpdateAsync(u => u.SetProperty(i => i.Answer, Text(8))); // pending
        var items = await db.Instructions.Where(i => i.DatasetId == r).Select(i => new { i.Question, i.Answer }).ToListAsync();
        var query = new ReviewQuery(new StoreFactory(store));

        var phrases = 0;
        for (var n = 0; n < 250; n++)
        {
            var item = items[random.Next(items.Count)];
            var source = random.Next(2) == 0 ? item.Question : item.Answer;
            var start = random.Next(source.Length);
            var search = source.Substring(start, random.Next(1, source.Length - start + 1));
            if (random.Next(3) == 0)
                search = search.ToUpperInvariant();
            foreach (var text in new[] { search, Text(random.Next(3, 6)).Trim() })
            {
                phrases += ItemPhraseIndex.Match(text) is null ? 0 : 1;
                var pattern = LikePattern.Containing(text);
                var expected = await db.Instructions.CountAsync(i => i.DatasetId == r &&
                    (EF.Functions.Like(i.Question, pattern, LikePattern.Escape) || EF.Functions.Like(i.Answer, pattern, LikePattern.Escape)));
                Assert.True(expected == await query.CountAsync(new ReviewFilter(r) { Text = text }), $"\"{text}\": LIKE counts {expected}");
            }
        }
        Assert.True(phrases > 150, $"only {phrases} of 500 searches went to the phrase index");
    }

    [Fact]
    public async Task Index_TextEditsAndCascadingDeletes_AreReadDirectlyUntilTheNextCatchUp()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("a.json",
            """
            [{"id": "a1", "conversations": [{"from": "human", "value": "Is the red kite near the boat?"}, {"from": "gpt", "value": "Yes, it is."}]},
             {"id": "a2", "conversations": [{"from": "human", "value": "What is on the table?"}, {"from": "gpt", "value": "A cup of tea."}]}]
            """), "a");
        await store.ImportAsync(store.Write("b.json",
            """[{"id": "b1", "conversations": [{"from": "human", "value": "Is the red kite near the boat?"}, {"from": "gpt", "value": "No."}]}]"""), "b");
        await using var db = store.Open();
        var query = new ReviewQuery(new StoreFactory(store));
        var a = await db.Datasets.Where(d => d.Name == "a").Select(d => d.Id).SingleAsync();

        Assert.Equal(3, await store.IndexPhrasesAsync());
        Assert.Equal(await db.Instructions.MaxAsync(i => i.Id), await ThroughAsync(db));
        Assert.Equal(2, await IndexedAsync(db, " red kite near the "));
        Assert.Equal(0, await store.IndexPhrasesAsync());

        await db.Instructions.Where(i => i.Answer == "A cup of tea.").ExecuteUpdateAsync(s => s.SetProperty(i => i.Answer, "A pot of coffee."));
        Assert.Equal(0, await IndexedAsync(db, " a cup of "));
        Assert.Equal(0, await IndexedAsync(db, " a pot of "));
        Assert.Single((await query.PageAsync(new ReviewFilter(a) { Text = "a pot of coffee" }, null)).Rows); // pending: read directly
        Assert.Equal(1, await store.IndexPhrasesAsync());
        Assert.Equal(1, await IndexedAsync(db, " a pot of "));
        Assert.Equal(0, await PendingAsync(db));

        await db.Instructions.Where(i => i.Answer == "Yes, it is.").ExecuteUpdateAsync(s => s.SetProperty(i => i.Answer, "Yes, it is there."));
        Assert.Equal(1, await PendingAsync(db));
        await db.Datasets.Where(d => d.Id == a).ExecuteDeleteAsync();
        Assert.Equal(0, await PendingAsync(db));
        Assert.Equal(1, await IndexedAsync(db, " red kite near the "));
        Assert.Equal(0, await IndexedAsync(db, " a pot of "));
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM \"ItemPhrases\"").SingleAsync());
    }

    [Fact]
    public async Task PageAsync_WordsCommonApartButAbsentTogether_ReadsNoItem()
    {
        // Every item holds every trigram of "kite near the boat" and every word of it, none the words in a row.
        await using var store = await TestStore.CreateAsync();
        var records = Enumerable.Range(0, 300).Select(n =>
            $$"""{"id": "r{{n}}", "conversations": [{"from": "human", "value": "Is the kite near the centre {{n}}?"}, {"from": "gpt", "value": "{{(n == 123 ? "Yes, and a kite near the boat." : "Yes, and the boat too.")}}"}]}""");
        await store.ImportAsync(store.Write("r.json", "[" + string.Join(",", records) + "]"), "r");
        await store.IndexPhrasesAsync();
        await using var db = store.Open();
        var dataset = await db.Datasets.Select(d => d.Id).SingleAsync();
        var plans = new PlanRecorder();
        // Limits as small against these 300 items as the benchmark's are against two million: the trigrams find too many.
        var query = new ReviewQuery(new StoreFactory(store, plans)) { TextCandidateLimit = 50, WideCandidateLimit = 50, ScanWindow = 10 };

        var page = await query.PageAsync(new ReviewFilter(dataset) { Text = "kite near the boat" }, null);
        var absent = await query.PageAsync(new ReviewFilter(dataset) { Text = "kite near the bow" }, null);

        Assert.Equal("r123", Assert.Single(page.Rows).RecordSourceId);
        Assert.Empty(absent.Rows);
        Assert.Equal(1, await query.CountAsync(new ReviewFilter(dataset) { Text = "kite near the boat" }));
        var reads = plans.ItemReads.ToList();
        Assert.All(reads, q => Assert.Contains("\"ItemPhrases\" MATCH", q.Sql, StringComparison.Ordinal));
        Assert.All(reads.SelectMany(q => q.Plan), p => Assert.False(PlanRecorder.ReadsItemsBeyondKeys(p), p));
    }

    [Fact]
    public async Task PageAsync_PhraseIndexAloneMatchesTooMany_DoesNotAskTheTrigrams()
    {
        var (page, queries) = await SearchKitesAsync(indexPhrases: true, "the kite near the centre");

        Assert.Equal(50, page.Rows.Count);
        Assert.True(page.HasMore);
        Assert.DoesNotContain(queries, sql => sql.Contains("\"ItemText\" MATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PageAsync_PhraseIndexBehindTheItems_TheTrigramsFindTheCandidates()
    {
        var (page, queries) = await SearchKitesAsync(indexPhrases: false, " near the centre 123?");

        Assert.Equal("r123", Assert.Single(page.Rows).RecordSourceId);
        var read = Assert.Single(queries, sql => sql.Contains("FROM \"Items\" NOT INDEXED", StringComparison.Ordinal));
        Assert.Contains("\"ItemText\" MATCH", read, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ItemPhrases\" MATCH", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageAsync_TextCommonInAnotherDataset_IsStillSoughtByIdInThisOne()
    {
        await using var store = await TestStore.CreateAsync();
        string Records(string prefix, Func<int, string> answer) => "[" + string.Join(",", Enumerable.Range(0, 300).Select(n =>
            $$"""{"id": "{{prefix}}{{n}}", "conversations": [{"from": "human", "value": "What is shape {{n}}?"}, {"from": "gpt", "value": "{{answer(n)}}"}]}""")) + "]";
        await store.ImportAsync(store.Write("a.json", Records("a", _ => "A zebracorn.")), "a");
        await store.ImportAsync(store.Write("b.json", Records("b", n => n == 77 ? "A zebracorn." : "A square.")), "b");
        await store.IndexPhrasesAsync();
        await using var db = store.Open();
        var b = await db.Datasets.Where(d => d.Name == "b").Select(d => d.Id).SingleAsync();
        var plans = new PlanRecorder();
        var query = new ReviewQuery(new StoreFactory(store, plans)) { TextCandidateLimit = 50, WideCandidateLimit = 50, ScanWindow = 10 };

        var page = await query.PageAsync(new ReviewFilter(b) { Text = "zebracorn" }, null);

        Assert.Equal("b77", Assert.Single(page.Rows).RecordSourceId);
        Assert.Equal(1, await query.CountAsync(new ReviewFilter(b) { Text = "zebracorn" }));
        var reads = plans.Queries.Where(q => q.Sql.Contains("FROM \"Items\" NOT INDEXED", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reads.Count); // the page and the count, both over the candidates
        Assert.All(reads.SelectMany(q => q.Plan), p => Assert.False(PlanRecorder.ReadsItemsBeyondKeys(p), p));
    }

    /// <summary>300 items alike but for their number, searched with limits as small against them as the benchmark's are against two million.</summary>
    private static async Task<(ReviewPage Page, List<string> Queries)> SearchKitesAsync(bool indexPhrases, string text)
    {
        await using var store = await TestStore.CreateAsync();
        var records = Enumerable.Range(0, 300).Select(n =>
            $$"""{"id": "r{{n}}", "conversations": [{"from": "human", "value": "Is the kite near the centre {{n}}?"}, {"from": "gpt", "value": "Yes."}]}""");
        await store.ImportAsync(store.Write("r.json", "[" + string.Join(",", records) + "]"), "r");
        if (indexPhrases)
            await store.IndexPhrasesAsync();
        await using var db = store.Open();
        var dataset = await db.Datasets.Select(d => d.Id).SingleAsync();
        var plans = new PlanRecorder();
        var query = new ReviewQuery(new StoreFactory(store, plans)) { TextCandidateLimit = 50, WideCandidateLimit = 50, ScanWindow = 10 };

        var page = await query.PageAsync(new ReviewFilter(dataset) { Text = text, PageSize = 50 }, null);
        return (page, plans.Queries.Select(q => q.Sql).ToList());
    }

    [Fact]
    public async Task CatchUpAsync_MoreItemsThanABatch_IndexesThemAllInBatches()
    {
        await using var store = await TestStore.CreateAsync();
        var records = Enumerable.Range(0, PhraseIndexer.Batch + 700).Select(n =>
            $$"""{"id": "r{{n}}", "conversations": [{"from": "human", "value": "Which shape is number {{n}} here?"}, {"from": "gpt", "value": "A square."}]}""");
        await store.ImportAsync(store.Write("r.json", "[" + string.Join(",", records) + "]"), "r");
        await using var db = store.Open();

        Assert.Equal(PhraseIndexer.Batch + 700, await store.IndexPhrasesAsync());

        Assert.Equal(await db.Instructions.MaxAsync(i => i.Id), await ThroughAsync(db));
        Assert.Equal(1, await IndexedAsync(db, " shape is number 5432 here"));
        Assert.Equal(PhraseIndexer.Batch + 700, await IndexedAsync(db, " which shape is "));
    }

    private static Task<int> IndexedAsync(WorkbenchDb db, string text) =>
        db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM \"ItemPhrases\" WHERE \"ItemPhrases\" MATCH {ItemPhraseIndex.Match(text)}").SingleAsync();

    private static Task<int> PendingAsync(WorkbenchDb db) =>
        db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM \"ItemPhrasesPending\"").SingleAsync();

    private static Task<long> ThroughAsync(WorkbenchDb db) =>
        db.Database.SqlQuery<long>($"SELECT \"Through\" AS \"Value\" FROM \"ItemPhrasesIndexed\"").SingleAsync();
}
