using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// One rewritten item before faults: its clean answer and, where a model could plausibly get it
/// wrong, the answer it would then give (null where no wrong answer reads naturally).
/// </summary>
internal sealed record Draft(
    string Format,
    string Question,
    string Answer,
    string? WrongAnswer,
    IReadOnlyList<Step> Steps,
    IReadOnlyList<string> Objects,
    IReadOnlyList<string> Skills)
{
    public static Draft Of(string format, string question, string answer, string? wrong, StepLog log) =>
        new(format, question, answer, wrong, log.Steps.ToList(), log.Objects.ToList(), log.Skills.ToList());

    /// <summary>A one-fact item whose answer is the fact's claims.</summary>
    public static Draft Of(string format, string question, Fact fact, StepLog log) =>
        Of(format, question, string.Join(" ", fact.Claims), fact.Wrong is null ? null : string.Join(" ", fact.Wrong), log);

    public SourceItem ToItem(string imagePosition, string? answer = null) =>
        new(Question, answer ?? Answer, Steps, Objects, Skills, Format, imagePosition);
}
