namespace MMEvol.Core.Demo;

/// <summary>
/// Counting, color and position questions. Each is asked only where its answer is unambiguous:
/// color only for the single object of a shape, positions only for uniquely named objects whose
/// centers are at least <see cref="SceneGeometry.ClearGap"/> apart.
/// </summary>
internal static class GroundedQuestions
{
    public static BenchmarkItem Counting(Scene scene, string image, Random random)
    {
        var item = scene.Objects[random.Next(scene.Objects.Count)];
        var (question, count) = random.Next(4) switch
        {
            // Any shape kind, so some answers are 0: counting what is not there is part of the test.
            0 => CountShape(scene, ShapeVocabulary.Shapes[random.Next(ShapeVocabulary.Shapes.Count)]),
            1 => CountShape(scene, item.Shape),
            2 => ($"How many {ShapeVocabulary.Word(item.Color)} {ShapeVocabulary.Plural(item.Shape)} are there in the image?",
                scene.Objects.Count(o => o.Label == item.Label)),
            _ => ($"How many {ShapeVocabulary.Word(item.Color)} shapes are there in the image?",
                scene.Objects.Count(o => o.Color == item.Color)),
        };
        return Item(image, BenchmarkCategories.Counting, question, Invariant(count));
    }

    public static BenchmarkItem? Color(Scene scene, string image, Random random)
    {
        var singles = ShapeVocabulary.Shapes.Select(s => SceneGeometry.OnlyOfShape(scene, s)).OfType<SceneObject>().ToList();
        if (singles.Count == 0)
        {
            return null;
        }

        var item = singles[random.Next(singles.Count)];
        return Item(image, BenchmarkCategories.Color,
            $"What color is the {ShapeVocabulary.Word(item.Shape)}?", ShapeVocabulary.Word(item.Color));
    }

    public static BenchmarkItem? Position(Scene scene, string image, Random random)
    {
        var named = SceneGeometry.UniquelyLabelled(scene);
        var pairs = named.SelectMany(a => named.Where(b => b != a).Select(b => (A: a, B: b))).ToList();
        var families = new List<List<(string Question, string Answer)>>
        {
            pairs.Where(p => Math.Abs(SceneGeometry.LeftGap(scene, p.A, p.B)) >= SceneGeometry.ClearGap)
                .Select(p => ($"Is the {p.A.Label} to the left of the {p.B.Label}?",
                    YesNo(SceneGeometry.LeftGap(scene, p.A, p.B) > 0))).ToList(),
            pairs.Where(p => Math.Abs(SceneGeometry.AboveGap(scene, p.A, p.B)) >= SceneGeometry.ClearGap)
                .Select(p => ($"Is the {p.A.Label} above the {p.B.Label}?",
                    YesNo(SceneGeometry.AboveGap(scene, p.A, p.B) > 0))).ToList(),
            named.Select(o => (o, Side: Half(o.Visible.CenterX / scene.Width, "left", "right")))
                .Where(x => x.Side is not null)
                .Select(x => ($"Is the {x.o.Label} on the left or the right side of the picture?", x.Side!)).ToList(),
            named.Select(o => (o, Side: Half(o.Visible.CenterY / scene.Height, "top", "bottom")))
                .Where(x => x.Side is not null)
                .Select(x => ($"Is the {x.o.Label} in the top or the bottom half of the picture?", x.Side!)).ToList(),
        };
        var usable = families.Where(f => f.Count > 0).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        var family = usable[random.Next(usable.Count)];
        var (question, answer) = family[random.Next(family.Count)];
        return Item(image, BenchmarkCategories.Position, question, answer);
    }

    internal static string YesNo(bool value) => value ? "yes" : "no";

    internal static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static BenchmarkItem Item(string image, string category, string question, string answer, IReadOnlyList<string>? choices = null) =>
        new("", image, category, null, question, answer, choices);

    // A center within the middle fifth of the picture is neither side.
    private static string? Half(double share, string low, string high) =>
        share <= 0.4 ? low : share >= 0.6 ? high : null;

    private static (string, int) CountShape(Scene scene, ShapeKind shape) =>
        ($"How many {ShapeVocabulary.Plural(shape)} are there in the image?", scene.Objects.Count(o => o.Shape == shape));
}
