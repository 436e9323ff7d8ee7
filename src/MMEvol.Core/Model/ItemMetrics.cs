namespace MMEvol.Core.Model;

/// <summary>What the paper measures per item: length and the counts of steps, objects and skills.</summary>
public sealed record ItemMetrics
{
    public int Length { get; init; }
    public int Steps { get; init; }
    public int Objects { get; init; }
    public int Skills { get; init; }

    /// <summary>The item's format differs from its parent item's.</summary>
    public bool FormatChanged { get; init; }

    /// <summary>Every object it names is among the record's detections; null where there are none to check.</summary>
    public bool? Grounded { get; init; }

    public static ItemMetrics Of(Instruction item, Instruction? parent, IReadOnlyCollection<Detection> detections) => new()
    {
        Length = item.Question.Length + item.Answer.Length,
        Steps = item.Steps.Count,
        Objects = item.Objects.Count,
        Skills = item.Skills.Count,
        FormatChanged = parent is not null && !string.Equals(parent.Format, item.Format, StringComparison.Ordinal),
        Grounded = detections.Count == 0 || item.Objects.Count == 0
            ? null
            : item.Objects.All(o => detections.Any(d => string.Equals(d.Label, o, StringComparison.OrdinalIgnoreCase))),
    };
}
