using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Data;

public sealed class InstructionTests
{
    private static Instruction Item() => new() { Question = "Q?", Answer = "A." };

    [Fact]
    public void New_SeedItem_StartsKeptAndUnreviewed()
    {
        var item = Item();

        Assert.Equal((Decision.Kept, Decision.Kept, ReviewState.Unreviewed, (Decision?)null), (item.AutoDecision, item.FinalDecision, item.ReviewState, item.Override));
    }

    [Fact]
    public void OverrideWith_ThenPolicyDecides_OverrideStillWins()
    {
        var item = Item();
        item.OverrideWith(Decision.Kept);

        item.Decide(Decision.Eliminated, policyVersion: 2);

        Assert.Equal((Decision.Eliminated, Decision.Kept, ReviewState.Overridden), (item.AutoDecision, item.FinalDecision, item.ReviewState));
    }

    [Fact]
    public void ClearReview_AfterOverride_FallsBackToTheAutomaticDecision()
    {
        var item = Item();
        item.Decide(Decision.Eliminated, 1);
        item.OverrideWith(Decision.Kept);

        item.ClearReview();

        Assert.Equal((Decision.Eliminated, ReviewState.Unreviewed), (item.FinalDecision, item.ReviewState));
    }

    [Fact]
    public void Confirm_KeepsTheAutomaticDecision()
    {
        var item = Item();
        item.Decide(Decision.Eliminated, 1);

        item.Confirm();

        Assert.Equal((Decision.Eliminated, ReviewState.Confirmed), (item.FinalDecision, item.ReviewState));
    }

    [Fact]
    public void CorrectScore_ReplacesTheScorePoliciesReadButKeepsTheJudges()
    {
        var item = Item();
        item.SetVerdict(new Verdict(true, 4, "longer", "heuristic"));

        item.CorrectScore(8);

        Assert.Equal((8.0, 4.0), (item.EffectiveScore, item.JudgeScore));
        Assert.Throws<ArgumentOutOfRangeException>(() => item.CorrectScore(11));
    }

    [Fact]
    public void EveryChange_IncrementsTheVersion()
    {
        var item = Item();

        item.Decide(Decision.Kept, 1);
        item.OverrideWith(Decision.Eliminated);
        item.Confirm();
        item.CorrectScore(3);
        item.ClearReview();

        Assert.Equal(5, item.Version);
    }
}
