namespace MMEvol.Core.Demo;

/// <summary>
/// Multi-step questions: ground two things, then compare them (size class, place, color, count).
/// Only pairs whose comparison is clear are asked; see <see cref="GroundedQuestions"/>.
/// </summary>
internal static class ComparisonQuestions
{
    public static BenchmarkItem? Write(Scene scene, string image, Random random)
    {
        var named = SceneGeometry.UniquelyLabelled(scene);
        var pairs = named.SelectMany(a => named.Where(b => b != a).Select(b => (A: a, B: b))).ToList();
        var singles = ShapeVocabulary.Shapes.Select(s => SceneGeometry.OnlyOfShape(scene, s)).OfType<SceneObject>().ToList();
        var counts = scene.Objects.GroupBy(o => o.Shape).ToDictionary(g => g.Key, g => g.Count());
        var families = new List<List<(string Question, string Answer)>>
        {
            pairs.Where(p => p.A.Size != p.B.Size)
                .Select(p => ($"Is the {p.A.Label} larger than the {p.B.Label}?", GroundedQuestions.YesNo(p.A.Size > p.B.Size)))
                .ToList(),
            pairs.Where(p => SceneGeometry.LeftGap(scene, p.A, p.B) >= SceneGeometry.ClearGap)
                .Select(p => random.Next(2) == 0 ? (p.A, p.B) : (p.B, p.A))
                .Select(p => ($"Which is further left, the {p.Item1.Label} or the {p.Item2.Label}?", Leftmost(scene, p.Item1, p.Item2).Label))
                .ToList(),
            pairs.Where(p => SceneGeometry.AboveGap(scene, p.A, p.B) >= SceneGeometry.ClearGap)
                .Select(p => random.Next(2) == 0 ? (p.A, p.B) : (p.B, p.A))
                .Select(p => ($"Which is higher in the picture, the {p.Item1.Label} or the {p.Item2.Label}?", Highest(scene, p.Item1, p.Item2).Label))
                .ToList(),
            singles.SelectMany(a => singles.Where(b => b != a).Select(b => (A: a, B: b)))
                .Select(p => ($"Is the {ShapeVocabulary.Word(p.A.Shape)} the same color as the {ShapeVocabulary.Word(p.B.Shape)}?",
                    GroundedQuestions.YesNo(p.A.Color == p.B.Color)))
                .ToList(),
            counts.Keys.SelectMany(a => counts.Keys.Where(b => b != a && counts[a] != counts[b]).Select(b => (A: a, B: b)))
                .OrderBy(p => p.A).ThenBy(p => p.B)
                .Select(p => ($"Are there more {ShapeVocabulary.Plural(p.A)} than {ShapeVocabulary.Plural(p.B)} in the image?",
                    GroundedQuestions.YesNo(counts[p.A] > counts[p.B])))
                .ToList(),
        };
        var usable = families.Where(f => f.Count > 0).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        var family = usable[random.Next(usable.Count)];
        var (question, answer) = family[random.Next(family.Count)];
        return GroundedQuestions.Item(image, BenchmarkCategories.Comparison, question, answer);
    }

    private static SceneObject Leftmost(Scene scene, SceneObject a, SceneObject b) =>
        SceneGeometry.LeftGap(scene, a, b) > 0 ? a : b;

    private static SceneObject Highest(Scene scene, SceneObject a, SceneObject b) =>
        SceneGeometry.AboveGap(scene, a, b) > 0 ? a : b;
}
