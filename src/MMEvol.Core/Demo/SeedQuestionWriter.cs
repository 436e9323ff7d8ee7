namespace MMEvol.Core.Demo;

/// <summary>
/// One or two simple LLaVA-style question/answer pairs per scene: the kind of plain seed data
/// that MMEvol's rounds then evolve. Only templates whose answer is unambiguous are offered.
/// </summary>
internal static class SeedQuestionWriter
{
    public static IReadOnlyList<ShapesQuestion> Write(Scene scene, Random random)
    {
        var candidates = Candidates(scene, random);
        var wanted = random.Next(1, 3);
        var picked = new List<ShapesQuestion>();
        while (picked.Count < wanted && candidates.Count > 0)
        {
            var index = random.Next(candidates.Count);
            picked.Add(candidates[index]);
            candidates.RemoveAt(index);
        }

        return picked;
    }

    private static List<ShapesQuestion> Candidates(Scene scene, Random random)
    {
        var shapes = scene.Objects
            .GroupBy(o => o.Shape)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => EnglishText.Count(g.Count(), g.Key))
            .ToList();
        var list = new List<ShapesQuestion>
        {
            new(random.Next(2) == 0 ? "What shapes are in the picture?" : "What shapes can you see in this image?",
                $"I can see {EnglishText.List(shapes)}."),
            new("How many shapes are there in the image?",
                $"There are {EnglishText.Number(scene.Objects.Count)} shapes."),
            new("What color is the background?",
                $"The background is {ShapeVocabulary.Word(scene.Background)}."),
        };
        foreach (var shape in ShapeVocabulary.Shapes)
        {
            if (SceneGeometry.OnlyOfShape(scene, shape) is { } only)
            {
                var word = ShapeVocabulary.Word(shape);
                list.Add(new($"What color is the {word}?", $"The {word} is {ShapeVocabulary.Word(only.Color)}."));
            }
        }

        foreach (var item in SceneGeometry.UniquelyLabelled(scene))
        {
            var place = SceneGeometry.RegionPhrase(SceneGeometry.Region(scene, item));
            list.Add(new($"Where is the {item.Label}?", $"The {item.Label} is {place} of the picture."));
        }

        return list;
    }
}
