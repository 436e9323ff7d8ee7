using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Model;
using MMEvol.Core.Review;

namespace MMEvol.Core.Tests.Review;

public sealed class LineageQueryTests(ReviewWorld world) : IClassFixture<ReviewWorld>
{
    private async Task<int> RecordWithAFailedRoundAsync()
    {
        await using var db = world.World.Open();
        return await db.Rounds.Where(r => r.Status == RoundStatus.Failed && r.Record!.DatasetId == world.DatasetId).Select(r => r.RecordId).FirstAsync();
    }

    [Fact]
    public async Task LoadAsync_EvolvedRecord_LoadsEveryRoundAndItemInOrderInThreeQueries()
    {
        var counter = new CommandCounter();
        var recordId = await RecordWithAFailedRoundAsync();

        var lineage = await new LineageQuery(world.Factory(counter)).LoadAsync(recordId);

        Assert.Equal(3, counter.Readers);
        await using var db = world.World.Open();
        var record = await db.Records.AsNoTracking().SingleAsync(r => r.Id == recordId);
        var rounds = await db.Rounds.AsNoTracking().Include(r => r.Items).Where(r => r.RecordId == recordId).ToListAsync();
        Assert.NotNull(lineage);
        Assert.Equal((record.SourceId, record.ImagePath, record.Caption), (lineage.Record.SourceId, lineage.Record.ImagePath, lineage.Record.Caption));
        Assert.Equal(record.Detections, lineage.Record.Detections);
        Assert.Equal(rounds.Select(r => r.Number).Order(), lineage.Rounds.Select(r => r.Number));
        foreach (var round in lineage.Rounds)
        {
            var stored = rounds.Single(r => r.Id == round.Id);
            Assert.Equal((stored.Direction, stored.Status, stored.FailureReason, stored.RawResponse, stored.JudgeRaw, stored.Model, stored.PromptVersion),
                (round.Direction, round.Status, round.FailureReason, round.RawResponse, round.JudgeRaw, round.Model, round.PromptVersion));
            Assert.Equal((stored.PromptTokens, stored.LatencyMs, stored.Cost, stored.ParentRoundId), (round.PromptTokens, round.LatencyMs, round.Cost, round.ParentRoundId));
            Assert.Equal(stored.Items.OrderBy(i => i.Index).Select(i => i.Id), round.Items.Select(i => i.Id));
            foreach (var (item, expected) in round.Items.Zip(stored.Items.OrderBy(i => i.Index)))
            {
                Assert.Equal((expected.Question, expected.Answer, expected.Format, expected.ImagePosition, expected.ParentItemId, expected.CheapCheck),
                    (item.Question, item.Answer, item.Format, item.ImagePosition, item.ParentItemId, item.CheapCheck));
                Assert.Equal(expected.Steps, item.Steps);
                Assert.Equal((expected.Objects, expected.Skills, expected.Metrics), (item.Objects, item.Skills, item.Metrics), new ListsAndMetrics());
                Assert.Equal((expected.Verdict, expected.AutoDecision, expected.ReviewState, expected.Override, expected.ReviewerScore, expected.FinalDecision, expected.Version),
                    (item.Verdict, item.AutoDecision, item.ReviewState, item.Override, item.ReviewerScore, item.FinalDecision, item.Version));
            }
        }
        Assert.Contains(lineage.Rounds, r => r.Status == RoundStatus.Failed && r.Items.Count == 0 && r.RawResponse is not null);
    }

    [Fact]
    public async Task ParentOf_RewrittenItem_IsTheItemItRewrites()
    {
        var lineage = await new LineageQuery(world.Factory()).LoadAsync(await RecordWithAFailedRoundAsync());

        var rewritten = lineage!.Rounds.Where(r => r.Number > 0).SelectMany(r => r.Items).First(i => i.ParentItemId is not null);

        Assert.Equal(rewritten.ParentItemId, lineage.ParentOf(rewritten)!.Id);
        Assert.Null(lineage.ParentOf(lineage.Rounds[0].Items[0]));
    }

    [Fact]
    public async Task LoadAsync_MissingRecord_IsNull()
    {
        Assert.Null(await new LineageQuery(world.Factory()).LoadAsync(int.MaxValue));
    }

    private sealed class ListsAndMetrics : IEqualityComparer<(List<string>, List<string>, ItemMetrics)>
    {
        public bool Equals((List<string>, List<string>, ItemMetrics) x, (List<string>, List<string>, ItemMetrics) y) =>
            x.Item1.SequenceEqual(y.Item1) && x.Item2.SequenceEqual(y.Item2) && x.Item3 == y.Item3;

        public int GetHashCode((List<string>, List<string>, ItemMetrics) obj) => obj.Item3.GetHashCode();
    }
}
