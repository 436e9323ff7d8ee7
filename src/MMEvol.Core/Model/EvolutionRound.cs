namespace MMEvol.Core.Model;

/// <summary>
/// One rewrite of a record's list (round 0 is the seed). The parent items it was given are a
/// snapshot: later overrides change decisions, never this history.
/// </summary>
public sealed class EvolutionRound
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public ImageRecord? Record { get; set; }

    public int Number { get; set; }
    public Direction Direction { get; set; }

    public int? ParentRoundId { get; set; }
    public List<long> ParentItemIds { get; set; } = [];

    public string? Model { get; set; }
    public string? PromptVersion { get; set; }
    public string? RawResponse { get; set; }
    public int? PromptTokens { get; set; }
    public int? CompletionTokens { get; set; }
    public int? LatencyMs { get; set; }

    /// <summary>The evolver's seed, so that a round can be told apart from a rerun with another.</summary>
    public int? Seed { get; set; }

    /// <summary>1, or how many times this round was evolved after failing (--retry-failed).</summary>
    public int Attempt { get; set; } = 1;

    /// <summary>A whole-response fault the offline evolver injected (broken JSON); never shown to a judge.</summary>
    public FaultKind? InjectedFault { get; set; }

    public string? JudgeRaw { get; set; }
    public int? JudgeLatencyMs { get; set; }
    public int? JudgePromptTokens { get; set; }
    public int? JudgeCompletionTokens { get; set; }

    /// <summary>What the round's model calls (evolver and judge) cost at the job's configured prices, in US dollars.</summary>
    public double? Cost { get; set; }

    public RoundStatus Status { get; set; }
    public string? FailureReason { get; set; }
    public int? JobId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public List<Instruction> Items { get; set; } = [];
}
