namespace MMEvol.Core.Model;

/// <summary>
/// A failure the offline evolver injected on purpose, to give the judge and the reviewers real
/// work: the ways a real model's rewrite goes wrong. Recorded beside the item, never shown to a judge.
/// </summary>
public enum FaultKind
{
    /// <summary>The item names an object that is not in the image.</summary>
    HallucinatedObject,
    /// <summary>The item is about a real object but its answer contradicts the scene.</summary>
    WrongAnswer,
    /// <summary>The "rewrite" is the parent item unchanged.</summary>
    UnchangedRewrite,
    /// <summary>The item echoes words of the prompt template instead of rewriting.</summary>
    TemplateEcho,
    /// <summary>The whole response is not valid JSON (recorded on the round, which fails).</summary>
    BrokenJson,
}
