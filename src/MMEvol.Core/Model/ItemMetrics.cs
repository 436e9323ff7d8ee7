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

    // Gains over the parent item, or over the parent list's mean where no item lines up; zero
    // for a seed item. Stored so that a policy's gates run as one UPDATE.
    public double StepGain { get; init; }
    public double SkillGain { get; init; }
    public double ObjectGain { get; init; }

    public static ItemMetrics Of(Instruction item, Instruction? parent, IReadOnlyList<Instruction> parents, IReadOnlyCollection<Detection> detections)
    {
        double Gain(Func<Instruction, int> count) =>
            parent is not null ? count(item) - count(parent)
            : parents.Count > 0 ? count(item) - parents.Average(count)
            : 0;

        return new()
        {
            Length = item.Question.Length + item.Answer.Length,
            Steps = item.Steps.Count,
            Objects = item.Objects.Count,
            Skills = item.Skills.Count,
            FormatChanged = parent is not null && !string.Equals(parent.Format, item.Format, StringComparison.Ordinal),
            Grounded = detections.Count == 0 || item.Objects.Count == 0
                ? null
                : item.Objects.All(o => detections.Any(d => string.Equals(d.Label, o, StringComparison.OrdinalIgnoreCase))),
            StepGain = Gain(i => i.Steps.Count),
            SkillGain = Gain(i => i.Skills.Count),
            ObjectGain = Gain(i => i.Objects.Count),
        };
    }
}
