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
}
