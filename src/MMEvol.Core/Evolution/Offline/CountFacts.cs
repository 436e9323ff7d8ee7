using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>Facts about how many objects there are, whether one exists and what color it has.</summary>
internal static class CountFacts
{
    /// <summary>Objects of a label ("red circle") or of a noun ("circle"), counted.</summary>
    public static Fact Count(DetectionScene scene, string kind, Random random)
    {
        var n = Members(scene, kind).Count;
        var wrong = n > 1 && random.Next(2) == 0 ? n - 1 : n + 1;
        return new Fact([], [CountClaim(n, kind)], [CountClaim(wrong, kind)]);
    }

    public static IReadOnlyList<GroundedObject> Members(DetectionScene scene, string kind) =>
        scene.Objects.Where(o => o.Label == kind || o.Noun == kind).ToList();

    /// <summary>"The triangle is yellow.", asked only when one object has that noun.</summary>
    public static Fact? Color(DetectionScene scene, string noun, Random random)
    {
        if (scene.OnlyOfNoun(noun) is not { Color: { } color } only)
            return null;
        var others = T.PaletteColors.Where(c => c != color).ToList();
        return new Fact(
            [T.AtBox(only.Label, only.Box)],
            [T.ColorClaim(noun, color)],
            [T.ColorClaim(noun, others[random.Next(others.Count)])],
            only);
    }

    public static Fact Exists(DetectionScene scene, string label)
    {
        string yes = T.Present(T.WithArticle(label)), no = T.Absent(label);
        return scene.HasLabel(label) ? new Fact([], [yes], [no]) : new Fact([], [no], [yes]);
    }

    /// <summary>Compares the counts of two nouns that both occur, when they differ.</summary>
    public static Fact? More(DetectionScene scene, string first, string second)
    {
        int a = scene.CountNoun(first), b = scene.CountNoun(second);
        if (a == b || a == 0 || b == 0)
            return null;
        var (many, few) = a > b ? (first, second) : (second, first);
        return new Fact(
            [],
            [CountClaim(a, first), CountClaim(b, second), T.More(LabelWords.Plural(many), LabelWords.Plural(few))],
            [CountClaim(b, first), CountClaim(a, second), T.More(LabelWords.Plural(few), LabelWords.Plural(many))]);
    }

    private static string CountClaim(int n, string kind) => T.Count(n, kind, LabelWords.Plural(kind));
}
