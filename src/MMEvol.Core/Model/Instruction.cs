namespace MMEvol.Core.Model;

/// <summary>
/// One instruction item (METHOD.md's "Q&amp;A&amp;S") of a round, with the judge's verdict and the
/// decisions made about it. The final decision is stored (and indexed) rather than computed so
/// that filters and exports read one column; every change goes through the methods below,
/// which keep it and the version counter right.
/// </summary>
public sealed class Instruction
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public EvolutionRound? Round { get; set; }

    // Copies of the round's keys: the review filters hit one table and one index.
    public int DatasetId { get; set; }
    public int RecordId { get; set; }
    public int RoundNumber { get; set; }
    public Direction Direction { get; set; }

    public int Index { get; set; }
    public required string Question { get; set; }
    public required string Answer { get; set; }
    public List<Step> Steps { get; set; } = [];
    public List<string> Objects { get; set; } = [];
    public List<string> Skills { get; set; } = [];
    public string Format { get; set; } = InstructionFormats.Norm;
    public string ImagePosition { get; set; } = Model.ImagePosition.Single;

    /// <summary>The parent item this one rewrites, where the indexes of the two lists line up.</summary>
    public long? ParentItemId { get; set; }

    public ItemMetrics Metrics { get; set; } = new();

    /// <summary>A fault the offline evolver injected; for measuring the judge, never shown to it.</summary>
    public FaultKind? InjectedFault { get; set; }

    /// <summary>The WizardLM failure check this item failed (apology, template echo, ...), if any.</summary>
    public string? CheapCheck { get; set; }

    // The verdict lives in plain columns so that the score can be indexed beside the dataset.
    public bool? Improved { get; private set; }
    public double? JudgeScore { get; private set; }
    public string? JudgeReason { get; private set; }
    public string? Judge { get; private set; }

    public Verdict? Verdict => Judge is null && Improved is null && JudgeScore is null
        ? null
        : new Verdict(Improved, JudgeScore, JudgeReason, Judge);

    public Decision AutoDecision { get; private set; } = Decision.Kept;
    public int? PolicyVersion { get; private set; }
    public ReviewState ReviewState { get; private set; } = ReviewState.Unreviewed;
    public Decision? Override { get; private set; }

    /// <summary>A reviewer's correction of the judge's score; policies read it when present.</summary>
    public double? ReviewerScore { get; private set; }

    public Decision FinalDecision { get; private set; } = Decision.Kept;

    /// <summary>Optimistic concurrency: SQLite has no rowversion, so every change increments it.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The score policies compare against thresholds: the reviewer's correction, else the judge's.
    /// A column (computed by the store as well) so that the review list can sort and filter on it by index.
    /// </summary>
    public double? EffectiveScore { get; private set; }

    public void SetVerdict(Verdict? verdict)
    {
        Improved = verdict?.Improved;
        JudgeScore = verdict?.Score;
        JudgeReason = verdict?.Reason;
        Judge = verdict?.Judge;
        Changed();
    }

    public void Decide(Decision decision, int? policyVersion)
    {
        AutoDecision = decision;
        PolicyVersion = policyVersion;
        Changed();
    }

    public void Confirm()
    {
        ReviewState = ReviewState.Confirmed;
        Override = null;
        Changed();
    }

    public void OverrideWith(Decision decision)
    {
        ReviewState = ReviewState.Overridden;
        Override = decision;
        Changed();
    }

    public void ClearReview()
    {
        ReviewState = ReviewState.Unreviewed;
        Override = null;
        Changed();
    }

    public void CorrectScore(double? score)
    {
        if (score is < 0 or > 10)
            throw new ArgumentOutOfRangeException(nameof(score), score, "A score lies between 0 and 10.");
        ReviewerScore = score;
        Changed();
    }

    private void Changed()
    {
        FinalDecision = Override ?? AutoDecision;
        EffectiveScore = ReviewerScore ?? JudgeScore;
        Version++;
    }
}
