namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>Tries every claim form on one plain sentence; the first form that recognizes it decides.</summary>
internal static class StatementEvaluator
{
    private static readonly Func<string, SceneIndex, ClaimResult?>[] Forms =
    [
        CountComparisonClaims.Evaluate,
        CountClaims.Evaluate,
        ExistenceClaims.Evaluate,
        SizeClaims.Evaluate,
        DistanceClaims.Evaluate,
        RegionClaims.Evaluate,
        RelativeCountClaims.Evaluate,
        PositionClaims.Evaluate,
        ColorMatchClaims.Evaluate,
        ColorClaims.Evaluate,
    ];

    /// <summary>
    /// The longest sentence the forms read. A claim is short; capping the length keeps the lazy
    /// patterns' backtracking on a run-on text bounded.
    /// </summary>
    public const int MaxSentence = 300;

    /// <summary>The truth of one normalized sentence, or Unknown when no form recognizes it.</summary>
    public static ClaimResult Evaluate(string sentence, SceneIndex scene)
    {
        if (sentence.Length > MaxSentence)
        {
            return ClaimResult.Unknown();
        }

        foreach (var form in Forms)
        {
            if (form(sentence, scene) is { } result)
            {
                return result;
            }
        }

        return ClaimResult.Unknown();
    }

    /// <summary>The truth of normalized text of one or more sentences, all claimed together.</summary>
    public static ClaimResult EvaluateAll(string normalized, SceneIndex scene) =>
        ClaimResult.All(SentenceSplitter.Split(normalized).Select(s => Evaluate(s, scene)).ToList());

    /// <summary>The first sentence that the scene clearly contradicts, with the fact.</summary>
    public static (string Sentence, string Fact)? FirstFailure(IReadOnlyList<string> sentences, SceneIndex scene)
    {
        foreach (var sentence in sentences)
        {
            if (Evaluate(sentence, scene) is { Truth: Truth.Fails } result)
            {
                return (sentence, result.Fact);
            }
        }

        return null;
    }
}
