using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// The words the judge understands as naming objects: the bodies and heads of every known label
/// (singular and plural) plus generic nouns ("shape", "object"), and a fixed list of color words.
/// The dataset's labels define the closed world; a noun outside it is never judged.
/// </summary>
internal sealed class Vocabulary
{
    private static readonly FrozenSet<string> ColorWords = FrozenSet.ToFrozenSet(
    [
        "red", "orange", "yellow", "green", "blue", "purple", "black", "white", "gray", "pink", "brown",
        "violet", "cyan", "magenta", "gold", "silver", "beige", "maroon", "navy", "teal", "turquoise",
    ]);

    private static readonly FrozenSet<string> GenericWords = FrozenSet.ToFrozenSet(
        ["shape", "shapes", "object", "objects", "thing", "things", "item", "items", "figure", "figures", "one", "ones"]);

    // Built once per dataset: every record of a dataset shares the same KnownLabels instance.
    private static readonly ConditionalWeakTable<IReadOnlySet<string>, Vocabulary> Cache = new();

    private readonly Dictionary<string, NounForm> _nouns = new(StringComparer.Ordinal);

    private Vocabulary(IEnumerable<string> labels)
    {
        foreach (var label in labels)
        {
            var parts = LabelParts.Of(label);
            if (parts.Body.Length == 0)
            {
                continue;
            }

            Add(parts.Body);
            Add(parts.Head);
            LongestNoun = Math.Max(LongestNoun, parts.Body.Count(c => c == ' ') + 1);
        }
    }

    /// <summary>The most words a noun of this vocabulary has.</summary>
    public int LongestNoun { get; } = 1;

    public static bool IsColor(string word) => ColorWords.Contains(word);

    public static bool IsGeneric(string word) => GenericWords.Contains(word);

    public static Vocabulary For(IReadOnlySet<string> knownLabels, IReadOnlyList<Detection> detections)
    {
        var shared = Cache.GetValue(knownLabels, labels => new Vocabulary(labels));
        return detections.All(d => knownLabels.Contains(d.Label))
            ? shared
            : new Vocabulary(knownLabels.Concat(detections.Select(d => d.Label)));
    }

    /// <summary>The singular noun a text form names ("crosses" -> "cross"), or null for a word outside the vocabulary.</summary>
    public NounForm? Noun(string text) => _nouns.TryGetValue(text, out var form) ? form : null;

    public static string Plural(string noun)
    {
        if (noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith('z') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal))
        {
            return noun + "es";
        }

        return noun.Length > 1 && noun[^1] == 'y' && !"aeiou".Contains(noun[^2]) ? noun[..^1] + "ies" : noun + "s";
    }

    private void Add(string noun)
    {
        _nouns.TryAdd(noun, new NounForm(noun, false));
        _nouns.TryAdd(Plural(noun), new NounForm(noun, true));
    }
}
