using MMEvol.Core.Data;
using MMEvol.Core.Model;
using MMEvol.Core.Review;

namespace MMEvol.Core.Tests.Review;

public sealed class ReviewQueryTests(ReviewWorld world) : IClassFixture<ReviewWorld>
{
    private async Task<(List<long> Ids, List<ReviewPage> Pages)> WalkAsync(ReviewQuery query, ReviewFilter filter)
    {
        var pages = new List<ReviewPage>();
        ReviewCursor? cursor = null;
        do
        {
            var page = await query.PageAsync(filter, cursor);
            pages.Add(page);
            cursor = page.Next;
            Assert.True(pages.Count < 1000, "the walk does not end");
        }
        while (pages[^1].HasMore);
        return (pages.SelectMany(p => p.Rows).Select(r => r.ItemId).ToList(), pages);
    }

    [Theory]
    [MemberData(nameof(ReviewFilterCases.All), MemberType = typeof(ReviewFilterCases))]
    public async Task PageAsync_WalkingEveryPage_ReturnsExactlyTheOracleRowsInOrder(string filterName, ReviewSort sort)
    {
        var filter = ReviewFilterCases.Make(filterName, world.DatasetId, sort, pageSize: 7);
        var (items, failed) = await world.SnapshotAsync();
        var expected = ReviewOracle.Expected(items, failed, filter);

        var (ids, pages) = await WalkAsync(new ReviewQuery(world.Factory()), filter);

        Assert.NotEmpty(expected); // the fixture has rows for every case, so a wrong filter cannot pass by matching nothing
        Assert.Equal(expected, ids);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(7, p.Rows.Count));
        Assert.False(pages[^1].HasMore);
        Assert.Equal(expected.Count, await new ReviewQuery(world.Factory()).CountAsync(filter));

        // Text searches again as for text too common for the index: a short window of the scan, then the
        // candidates by id (id order), or the scan itself; the same rows every way.
        foreach (var other in new[]
        {
            new ReviewQuery(world.Factory()) { TextCandidateLimit = 0, ScanWindow = 25 },
            new ReviewQuery(world.Factory()) { TextCandidateLimit = 0, WideCandidateLimit = 0, ScanWindow = 25 },
        })
        {
            Assert.Equal(expected, (await WalkAsync(other, filter)).Ids);
            Assert.Equal(expected.Count, await other.CountAsync(filter));
        }
    }

    [Theory]
    [MemberData(nameof(ReviewFilterCases.All), MemberType = typeof(ReviewFilterCases))]
    public async Task PageAsync_AnyFilterAndSort_EveryQueryIsAnIndexSeekWithoutSorting(string filterName, ReviewSort sort)
    {
        var filter = ReviewFilterCases.Make(filterName, world.DatasetId, sort, pageSize: 5);
        var plans = new PlanRecorder();
        var query = new ReviewQuery(world.Factory(plans));

        var first = await query.PageAsync(filter, null);
        await query.PageAsync(filter, first.Next);
        await query.CountAsync(filter);

        Assert.NotEmpty(plans.Queries);
        foreach (var (sql, plan) in plans.Queries)
        {
            Assert.DoesNotContain("OFFSET", sql, StringComparison.OrdinalIgnoreCase);
            if (sql.Contains("MATCH", StringComparison.Ordinal))
            {
                // Text the trigram index finds in few items: those are sought by id and sorted, nothing else is read.
                Assert.True(ItemTextIndex.Match(filter.Text!) is not null, $"{filterName}: the index is used only for text of three characters or more");
                Assert.Contains(plan, p => p.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal));
                // Its matches are bounded by the dataset's first and last id: seeks on the id index, nothing more.
                Assert.Contains(plan, PlanRecorder.IsSpanSeek);
                Assert.DoesNotContain(plan, PlanRecorder.ReadsItemsBeyondKeys);
                continue;
            }
            Assert.Contains(plan, p => p.StartsWith("SEARCH Items USING ", StringComparison.Ordinal) && p.Contains("INDEX IX_Items_", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, p => p.StartsWith("SCAN", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, p => p.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task PageAsync_NextPages_SeekPastTheCursorInTheIndex()
    {
        var plans = new PlanRecorder();
        var query = new ReviewQuery(world.Factory(plans));
        var byScore = new ReviewFilter(world.DatasetId) { Sort = ReviewSort.ByScoreAscending, PageSize = 3 };

        var page = await query.PageAsync(byScore, null);
        for (var i = 0; i < 10; i++)
            page = await query.PageAsync(byScore, page.Next);

        // The rest of the cursor's score run is one seek (score = s AND id > i), the scores above it another.
        var seeks = plans.Queries.Skip(1).SelectMany(q => q.Plan).Where(p => p.StartsWith("SEARCH Items", StringComparison.Ordinal)).ToList();
        Assert.Contains(seeks, p => p.EndsWith("(DatasetId=? AND EffectiveScore=? AND Id>?)", StringComparison.Ordinal));
        Assert.Contains(seeks, p => p.EndsWith("(DatasetId=? AND EffectiveScore>?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PageAsync_ScoreSortWithEqualScores_BreaksTiesById()
    {
        var query = new ReviewQuery(world.Factory());
        var filter = new ReviewFilter(world.DatasetId) { Sort = ReviewSort.ByScoreDescending, PageSize = 2 };
        var (items, failed) = await world.SnapshotAsync();
        Assert.Contains(items.Where(i => i.EffectiveScore is not null).GroupBy(i => i.EffectiveScore), g => g.Count() > 2);

        var (ids, _) = await WalkAsync(query, filter);

        Assert.Equal(ReviewOracle.Expected(items, failed, filter), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task PageAsync_Row_CarriesWhatTheListShows()
    {
        var (items, _) = await world.SnapshotAsync();
        var item = items.Where(i => i.RoundNumber == 1 && i.JudgeScore is not null).OrderBy(i => i.Id).First();

        var page = await new ReviewQuery(world.Factory()).PageAsync(new ReviewFilter(world.DatasetId) { PageSize = 1 }, new ReviewCursor(null, item.Id - 1));

        var row = Assert.Single(page.Rows);
        Assert.Equal((item.Id, item.RecordId, item.RoundNumber, item.Direction, item.Version), (row.ItemId, row.RecordId, row.RoundNumber, row.Direction, row.Version));
        Assert.Equal((item.EffectiveScore, item.JudgeScore, item.FinalDecision, item.ReviewState), (row.EffectiveScore, row.JudgeScore, row.FinalDecision, row.ReviewState));
        Assert.Equal((item.Round!.Status, true), (row.RoundStatus, row.HasImage));
        Assert.StartsWith("shapes_", row.RecordSourceId);
        Assert.Equal(item.Question.Length <= ReviewQuery.QuestionLength ? item.Question : null, item.Question.Length <= ReviewQuery.QuestionLength ? row.Question : null);
    }

    [Fact]
    public async Task PageAsync_LongQuestion_IsCutForTheList()
    {
        var page = await new ReviewQuery(world.Factory()).PageAsync(new ReviewFilter(world.DatasetId) { Text = "Is 5000 off?" }, null);

        var row = Assert.Single(page.Rows);
        Assert.Equal(ReviewQuery.QuestionLength + 1, row.Question.Length);
        Assert.EndsWith("x…", row.Question);
    }

    [Fact]
    public async Task PageAsync_PageSizeOutOfRange_IsClamped()
    {
        var query = new ReviewQuery(world.Factory());

        var huge = await query.PageAsync(new ReviewFilter(world.DatasetId) { PageSize = 100_000 }, null);
        var none = await query.PageAsync(new ReviewFilter(world.DatasetId) { PageSize = 0 }, null);

        Assert.Equal(ReviewFilter.MaxPageSize, huge.Rows.Count);
        Assert.Single(none.Rows);
    }

    [Fact]
    public async Task PageAsync_PastTheEnd_IsEmptyAndKeepsTheCursor()
    {
        var cursor = new ReviewCursor(null, long.MaxValue - 1);

        var page = await new ReviewQuery(world.Factory()).PageAsync(new ReviewFilter(world.DatasetId), cursor);

        Assert.Equal((0, false, cursor), (page.Rows.Count, page.HasMore, page.Next));
    }

    [Fact]
    public void Trim_SurrogatePairAtTheCut_IsNotSplit()
    {
        var question = new string('a', ReviewQuery.QuestionLength - 1) + "😀" + "tail";

        var trimmed = ReviewQuery.Trim(question);

        Assert.Equal(new string('a', ReviewQuery.QuestionLength - 1) + "…", trimmed);
    }
}
