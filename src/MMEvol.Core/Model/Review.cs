namespace MMEvol.Core.Model;

/// <summary>
/// Append-only audit entry: every confirmation, override, score correction, bulk action and
/// policy change, with who did it and the state before and after. A bulk action's entries share
/// a bulk id so that it can be undone as one.
/// </summary>
public sealed class Review
{
    public long Id { get; set; }
    public int DatasetId { get; set; }
    public long? InstructionId { get; set; }
    public ReviewAction Action { get; set; }
    public Guid? BulkId { get; set; }
    public required string User { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Note { get; set; }
}
