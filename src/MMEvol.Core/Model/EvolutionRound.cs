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

    public RoundStatus Status { get; set; }
    public string? FailureReason { get; set; }
    public int? JobId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public List<Instruction> Items { get; set; } = [];
}
