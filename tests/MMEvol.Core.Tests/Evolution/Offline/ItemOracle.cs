using System.Text.RegularExpressions;
using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Tests.Evolution.Offline;

/// <summary>
/// Confirms an item's answer against the detections without any evolver code: the answer the
/// question calls for is re-derived from the question text, and every checkable sentence of the
/// answer must be true. Returns null when the answer agrees, else what is wrong; throws
/// <see cref="UnfairQuestionException"/> when the question itself is unreadable or undecidable.
/// </summary>
internal static class ItemOracle
{
    public static string? Disagreement(SourceItem item, IReadOnlyList<Detection> detections)
    {
        var truth = new SceneTruth(detections);
        var sentences = ClaimOracle.Sentences(item.Answer);
        return item.Format switch
        {
            InstructionFormats.Norm => Plain(item, truth, sentences),
            "text_image_matching" => Matching(item, truth, sentences),
            "rationales_generation" => Rationale(item, truth, sentences),
            _ => FormatOracle.Expected(item.Format, item.Question, truth) is { } expected
                ? expected == item.Answer ? FalseClaim(sentences, truth) : $"expected '{expected}', got '{item.Answer}'"
                : throw new UnfairQuestionException($"no oracle for format {item.Format}"),
        };
    }

    private static string? Plain(SourceItem item, SceneTruth truth, IReadOnlyList<string> sentences)
    {
        var expected = QuestionOracle.ExpectedClaims(item.Question, truth);
        if (expected.FirstOrDefault(c => !sentences.Contains(c)) is { } missing)
            return $"missing '{missing}' in '{item.Answer}'";
        var conclusion = "So " + char.ToLowerInvariant(expected[^1][0]) + expected[^1][1..];
        if (sentences.Any(s => s.StartsWith("So ", StringComparison.Ordinal)) && sentences[^1] != conclusion)
            return $"concludes '{sentences[^1]}', expected '{conclusion}'";
        return FalseClaim(sentences, truth);
    }

    private static string? Matching(SourceItem item, SceneTruth truth, IReadOnlyList<string> sentences)
    {
        var statement = Regex.Match(item.Question, "^Does this statement match the image\\? \"(.+)\"$");
        if (!statement.Success || ClaimOracle.Holds(statement.Groups[1].Value, truth) is not { } holds)
            throw new UnfairQuestionException($"unreadable statement in '{item.Question}'");
        var verdict = holds ? "True." : "False.";
        if (sentences[0] != verdict)
            return $"says '{sentences[0]}' of a statement that is {verdict}";
        // The "why" must end in a true claim: the statement itself, or its correction.
        return ClaimOracle.Holds(sentences[^1], truth) == true ? FalseClaim(sentences.Skip(1), truth) : $"no true reason in '{item.Answer}'";
    }

    private static string? Rationale(SourceItem item, SceneTruth truth, IReadOnlyList<string> sentences)
    {
        var fact = Regex.Match(item.Question, "^Give the reasoning, citing the boxes, behind this fact: \"(.+)\"$");
        if (!fact.Success || ClaimOracle.Holds(fact.Groups[1].Value, truth) != true)
            throw new UnfairQuestionException($"the fact in '{item.Question}' is not a true claim");
        var conclusion = "So " + char.ToLowerInvariant(fact.Groups[1].Value[0]) + fact.Groups[1].Value[1..];
        return sentences[^1] == conclusion ? FalseClaim(sentences, truth) : $"concludes '{sentences[^1]}', expected '{conclusion}'";
    }

    private static string? FalseClaim(IEnumerable<string> sentences, SceneTruth truth) =>
        sentences.Where(s => !s.StartsWith("The blank is ", StringComparison.Ordinal) && !Regex.IsMatch(s, "^[A-D]\\.$"))
            .FirstOrDefault(s => ClaimOracle.Holds(s, truth) == false) is { } wrong ? $"false claim '{wrong}'" : null;
}
