namespace MMEvol.Core.Demo;

/// <summary>Four-option questions; the answer is the letter of the one right option.</summary>
internal static class ChoiceQuestions
{
    private const int Options = 4;

    public static BenchmarkItem Write(Scene scene, string image, Random random)
    {
        var families = new List<Func<BenchmarkItem?>>
        {
            () => PresentObject(scene, image, random),
            () => ShapeCount(scene, image, random),
            () => ColorOf(scene, image, random),
            () => Largest(scene, image, random),
        };
        while (true)
        {
            // The first two always apply, so this ends.
            if (families[random.Next(families.Count)]() is { } item)
            {
                return item;
            }
        }
    }

    private static BenchmarkItem PresentObject(Scene scene, string image, Random random)
    {
        var present = scene.Labels();
        var absent = ShapeVocabulary.AllLabels.Except(present).ToList();
        return Choose(image, "Which of these objects is in the picture?",
            present[random.Next(present.Count)], Sample(absent, random), random);
    }

    private static BenchmarkItem ShapeCount(Scene scene, string image, Random random)
    {
        var n = scene.Objects.Count;
        var wrong = new[] { n - 2, n - 1, n + 1, n + 2, n + 3 }.Where(k => k >= 1).ToList();
        return Choose(image, "How many shapes are in the picture?",
            GroundedQuestions.Invariant(n), Sample(wrong, random).Select(GroundedQuestions.Invariant).ToList(), random);
    }

    private static BenchmarkItem? ColorOf(Scene scene, string image, Random random)
    {
        var singles = ShapeVocabulary.Shapes.Select(s => SceneGeometry.OnlyOfShape(scene, s)).OfType<SceneObject>().ToList();
        if (singles.Count == 0)
        {
            return null;
        }

        var item = singles[random.Next(singles.Count)];
        var wrong = ShapeVocabulary.Colors.Where(c => c != item.Color).Select(ShapeVocabulary.Word).ToList();
        return Choose(image, $"What color is the {ShapeVocabulary.Word(item.Shape)}?",
            ShapeVocabulary.Word(item.Color), Sample(wrong, random), random);
    }

    // Needs one uniquely named object of the largest size class and three uniquely named smaller ones as distractors.
    private static BenchmarkItem? Largest(Scene scene, string image, Random random)
    {
        var named = SceneGeometry.UniquelyLabelled(scene);
        var top = scene.Objects.Max(o => o.Size);
        var largest = scene.Objects.Where(o => o.Size == top).ToList();
        var smaller = named.Where(o => o.Size < top).Select(o => o.Label).ToList();
        if (largest.Count != 1 || !named.Contains(largest[0]) || smaller.Count < Options - 1)
        {
            return null;
        }

        return Choose(image, "Which object is the largest in the picture?", largest[0].Label, Sample(smaller, random), random);
    }

    private static List<T> Sample<T>(List<T> pool, Random random)
    {
        var copy = pool.ToList();
        var picked = new List<T>();
        while (picked.Count < Options - 1)
        {
            var index = random.Next(copy.Count);
            picked.Add(copy[index]);
            copy.RemoveAt(index);
        }

        return picked;
    }

    private static BenchmarkItem Choose(string image, string question, string right, IReadOnlyList<string> wrong, Random random)
    {
        var choices = wrong.ToList();
        var at = random.Next(Options);
        choices.Insert(at, right);
        return GroundedQuestions.Item(image, BenchmarkCategories.MultipleChoice, question, BenchmarkItem.Letter(at), choices);
    }
}
