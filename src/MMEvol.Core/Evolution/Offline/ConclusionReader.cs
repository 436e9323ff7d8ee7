using MMEvol.Core.Formats;

using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Recognizes the claim a plain parent item concludes with ("So the blue square is larger than
/// the red circle.") by re-deriving the facts about the objects it names and matching their
/// claims, so that no wording is parsed. Only a conclusion the boxes confirm is returned: a
/// parent that got it wrong, or names something absent, gets no conclusion.
/// </summary>
internal static class ConclusionReader
{
    /// <summary>The confirmed fact, and whether the parent drew it as a reasoned "So ..." conclusion.</summary>
    public static (Fact Fact, bool Reasoned)? Read(RewriteContext context, SourceItem parent)
    {
        var claim = LastSentence(parent.Answer);
        if (claim is null)
            return null;
        var reasoned = claim.StartsWith(T.ConclusionPrefix, StringComparison.Ordinal) && claim.Length > T.ConclusionPrefix.Length + 1;
        if (reasoned)
            claim = char.ToUpperInvariant(claim[T.ConclusionPrefix.Length]) + claim[(T.ConclusionPrefix.Length + 1)..];
        return Facts(context, claim).FirstOrDefault(f => f.Claims[^1] == claim) is { } fact ? (fact, reasoned) : null;
    }

    private static string? LastSentence(string answer)
    {
        var text = answer.TrimEnd();
        if (!text.EndsWith('.'))
            return null;
        var start = text.LastIndexOf(". ", text.Length - 2, StringComparison.Ordinal);
        return start < 0 ? text : text[(start + 2)..];
    }

    // Only facts about the objects and kinds the claim names: a handful, not every fact of the scene.
    private static IEnumerable<Fact?> Candidates(RewriteContext context, string claim)
    {
        var scene = context.Scene;
        var random = context.Random;
        var named = scene.Named.Where(o => TextSearch.ContainsWord(claim, o.Label)).ToList();
        foreach (var a in named)
        {
            yield return SpatialFacts.Region(a, random);
            yield return SpatialFacts.Closest(scene, a);
            yield return CountFacts.Color(scene, a.Noun, random);
            foreach (var relation in Relations.All)
                yield return SpatialFacts.Beside(scene, a, relation);
            foreach (var b in named.Where(b => b != a))
            {
                yield return SpatialFacts.Relate(a, b, horizontal: true);
                yield return SpatialFacts.Relate(a, b, horizontal: false);
                yield return SpatialFacts.Larger(a, b);
                foreach (var c in named.Where(c => c != a && c != b))
                    yield return SpatialFacts.Closer(c, a, b);
            }
        }

        foreach (var noun in scene.Nouns.Where(n => TextSearch.ContainsWord(claim, n) || TextSearch.ContainsWord(claim, LabelWords.Plural(n))))
        {
            yield return CountFacts.Count(scene, noun, random);
            yield return CountFacts.Color(scene, noun, random);
            foreach (var other in scene.Nouns.Where(o => o != noun))
                yield return CountFacts.More(scene, noun, other);
        }

        foreach (var label in scene.Labels.Where(l => TextSearch.ContainsWord(claim, l) || TextSearch.ContainsWord(claim, LabelWords.Plural(l))))
            yield return CountFacts.Count(scene, label, random);
        foreach (var label in scene.Labels.Concat(scene.AbsentLabels()).Where(l => TextSearch.ContainsWord(claim, l)))
            yield return CountFacts.Exists(scene, label);
    }

    private static IEnumerable<Fact> Facts(RewriteContext context, string claim) => Candidates(context, claim).OfType<Fact>();
}
