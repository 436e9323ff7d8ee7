using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Data;

public sealed class EffectiveScoreColumnTests
{
    [Fact]
    public async Task EffectiveScore_ScoresChangedInBulk_FollowsInTheStore()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("d.json", """[{"id": "1", "conversations": [{"from": "human", "value": "Q?"}, {"from": "gpt", "value": "A."}]}]"""));
        await using var db = store.Open();

        await db.Instructions.ExecuteUpdateAsync(s => s.SetProperty(i => i.JudgeScore, 3.0));
        var judged = await db.Instructions.AsNoTracking().SingleAsync();
        await db.Instructions.ExecuteUpdateAsync(s => s.SetProperty(i => i.ReviewerScore, 8.5));
        var corrected = await db.Instructions.AsNoTracking().SingleAsync();

        Assert.Equal((3.0, 8.5), (judged.EffectiveScore, corrected.EffectiveScore));
        Assert.Equal(1, await db.Instructions.CountAsync(i => i.EffectiveScore > 8));
    }

    [Fact]
    public async Task EffectiveScore_CorrectedAndSaved_IsTheCorrectionInMemoryAndInTheStore()
    {
        await using var store = await TestStore.CreateAsync();
        await store.ImportAsync(store.Write("d.json", """[{"id": "1", "conversations": [{"from": "human", "value": "Q?"}, {"from": "gpt", "value": "A."}]}]"""));
        await using (var db = store.Open())
        {
            var item = await db.Instructions.SingleAsync();
            item.SetVerdict(new Verdict(true, 4, "ok", "heuristic"));
            item.CorrectScore(7);
            Assert.Equal(7.0, item.EffectiveScore);
            await db.SaveChangesAsync();
        }

        await using var check = store.Open();
        Assert.Equal(7.0, (await check.Instructions.SingleAsync()).EffectiveScore);
    }
}
