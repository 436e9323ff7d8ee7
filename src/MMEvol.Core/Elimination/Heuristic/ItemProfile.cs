using System.Collections.Frozen;
using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>
/// What the paper's judge weighs in one item, measured from its text alone: length in words, steps,
/// skills, distinct objects named, kinds of visual detail, format, and whether it needs the image.
/// </summary>
internal sealed record ItemProfile(int Words, int Steps, int Skills, IReadOnlySet<string> ObjectNames, DetailKind Details, bool Interaction, bool Visual)
{
    public int Objects => ObjectNames.Count;

    private static readonly FrozenDictionary<string, DetailKind> DetailWords = new Dictionary<string, DetailKind>
    {
        ["how many"] = DetailKind.Count, ["number"] = DetailKind.Count, ["count"] = DetailKind.Count, ["total"] = DetailKind.Count,
        ["two"] = DetailKind.Count, ["three"] = DetailKind.Count, ["four"] = DetailKind.Count, ["five"] = DetailKind.Count,
        ["six"] = DetailKind.Count, ["seven"] = DetailKind.Count, ["eight"] = DetailKind.Count, ["nine"] = DetailKind.Count,
        ["color"] = DetailKind.Color, ["colors"] = DetailKind.Color,
        ["left"] = DetailKind.Position, ["right"] = DetailKind.Position, ["top"] = DetailKind.Position,
        ["bottom"] = DetailKind.Position, ["above"] = DetailKind.Position, ["below"] = DetailKind.Position,
        ["under"] = DetailKind.Position, ["beneath"] = DetailKind.Position, ["center"] = DetailKind.Position,
        ["corner"] = DetailKind.Position, ["between"] = DetailKind.Position, ["beside"] = DetailKind.Position,
        ["upper"] = DetailKind.Position, ["lower"] = DetailKind.Position, ["higher"] = DetailKind.Position,
        ["position"] = DetailKind.Position, ["located"] = DetailKind.Position, ["where"] = DetailKind.Position,
        ["larger"] = DetailKind.Size, ["smaller"] = DetailKind.Size, ["largest"] = DetailKind.Size, ["smallest"] = DetailKind.Size,
        ["bigger"] = DetailKind.Size, ["biggest"] = DetailKind.Size, ["size"] = DetailKind.Size, ["area"] = DetailKind.Size,
        ["closest"] = DetailKind.Distance, ["nearest"] = DetailKind.Distance, ["closer"] = DetailKind.Distance,
        ["nearer"] = DetailKind.Distance, ["farther"] = DetailKind.Distance, ["farthest"] = DetailKind.Distance,
        ["further"] = DetailKind.Distance, ["furthest"] = DetailKind.Distance, ["distance"] = DetailKind.Distance,
        ["overlaps"] = DetailKind.Distance, ["covers"] = DetailKind.Distance, ["touching"] = DetailKind.Distance,
        ["background"] = DetailKind.Backdrop, ["foreground"] = DetailKind.Backdrop,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ImageWords = FrozenSet.ToFrozenSet(
    [
        "image", "images", "visible", "see", "seen", "shown", "shows", "depicted", "depicts", "look", "looks", "view", "shape",
        "shapes", "object", "objects", "arrangement", "composition", "layout", "drawn", "drawing", "displayed", "illustrated",
        "illustration", "appear", "appears", "canvas", "pattern", "visual", "visually", "box", "boxes",
    ]);

    public static ItemProfile Of(ItemText text, Vocabulary vocabulary)
    {
        var item = text.Item;
        var stepText = string.Join(' ', item.Steps.Select(s => s.Description));
        var words = TextNormalizer.Words($"{text.Question} {text.Answer} {TextNormalizer.Normalize(stepText)}");
        var details = DetailKind.None;
        for (var i = 0; i < words.Length; i++)
        {
            var key = i + 1 < words.Length && words[i] == "how" && words[i + 1] == "many" ? "how many" : words[i];
            details |= DetailWords.GetValueOrDefault(key) | (Vocabulary.IsColor(words[i]) ? DetailKind.Color : DetailKind.None);
        }

        var objects = Mentions(words, vocabulary);
        objects.UnionWith(item.Objects.Select(o => o.Trim().ToLowerInvariant()).Where(o => o.Length > 0));
        var visual = details != DetailKind.None || objects.Count > 0 || item.Steps.Count > 0 || words.Any(ImageWords.Contains);
        return new ItemProfile(words.Length, item.Steps.Count, item.Skills.Count, objects, details,
            !string.Equals(item.Format, InstructionFormats.Norm, StringComparison.OrdinalIgnoreCase), visual);
    }

    // "red circle" and "circle" in one item are one object; two colors of circle are two.
    private static HashSet<string> Mentions(string[] words, Vocabulary vocabulary)
    {
        var colored = new HashSet<string>(StringComparer.Ordinal);
        var bare = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (vocabulary.Noun(words[i]) is not { } noun)
            {
                continue;
            }

            if (i > 0 && Vocabulary.IsColor(words[i - 1]))
            {
                colored.Add($"{words[i - 1]} {noun.Singular}");
            }
            else
            {
                bare.Add(noun.Singular);
            }
        }

        bare.RemoveWhere(n => colored.Any(c => c.EndsWith(" " + n, StringComparison.Ordinal)));
        colored.UnionWith(bare);
        return colored;
    }
}
