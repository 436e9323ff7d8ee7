using MMEvol.Core.Model;

namespace MMEvol.Core.Formats;

/// <summary>One record as a source file states it, validated, before it meets the store.</summary>
public sealed record SourceRecord(
    int Index,
    string? Id,
    string? Image,
    string? HashId,
    string? Caption,
    string? CaptionPrompt,
    IReadOnlyList<Detection> Detections,
    IReadOnlyList<SourceRound> Rounds);

/// <summary>One instruction list of a record: round 0 is the seed.</summary>
public sealed record SourceRound(int Number, Direction Direction, IReadOnlyList<SourceItem> Items);

/// <summary>One instruction item with whatever verdict and decision the file carried.</summary>
public sealed record SourceItem(
    string Question,
    string Answer,
    IReadOnlyList<Step> Steps,
    IReadOnlyList<string> Objects,
    IReadOnlyList<string> Skills,
    string Format,
    string ImagePosition,
    Verdict? Verdict = null,
    Decision? Decision = null)
{
    public static SourceItem Plain(string question, string answer) =>
        new(question, answer, [], [], [], InstructionFormats.Norm, Model.ImagePosition.Single);

    /// <summary>
    /// The item as the store keeps it: item <paramref name="index"/> of the round, rewriting
    /// <paramref name="parent"/> (null where none lines up), with its metrics against the parent list.
    /// The verdict and decision the source carried are the caller's to apply.
    /// </summary>
    internal Instruction ToItem(int index, EvolutionRound round, ImageRecord record, Instruction? parent, IReadOnlyList<Instruction> parents)
    {
        var item = new Instruction
        {
            // Zero for a round not saved yet: its writer sets it once the round has an id.
            RoundId = round.Id,
            DatasetId = record.DatasetId,
            RecordId = record.Id,
            RoundNumber = round.Number,
            Direction = round.Direction,
            Index = index,
            Question = Question,
            Answer = Answer,
            Steps = Steps.ToList(),
            Objects = Objects.ToList(),
            Skills = Skills.ToList(),
            Format = Format,
            ImagePosition = ImagePosition,
            ParentItemId = parent?.Id,
        };
        item.Metrics = ItemMetrics.Of(item, parent, parents, record.Detections);
        return item;
    }
}
