namespace MMEvol.Core.Demo;

/// <summary>
/// Writes a scene's caption: every object with its size, color, shape and place, largest first,
/// and one overlap when there is one. Templates vary with the caller's seeded random.
/// </summary>
internal static class SceneDescriber
{
    public static string Caption(Scene scene, Random random)
    {
        var background = ShapeVocabulary.Word(scene.Background);
        var count = EnglishText.Number(scene.Objects.Count);
        var opening = random.Next(3) switch
        {
            0 => $"A {background} picture with {count} shapes",
            1 => $"{EnglishText.Capitalize(count)} shapes on a {background} background",
            _ => $"An image showing {count} shapes on a {background} background",
        };
        var parts = scene.Objects
            .OrderByDescending(o => o.Size)
            .ThenBy(o => o.Visible.CenterY)
            .ThenBy(o => o.Visible.CenterX)
            .Select(o => $"{EnglishText.WithArticle($"{ShapeVocabulary.Word(o.Size)} {o.Label}")} " +
                         SceneGeometry.RegionPhrase(SceneGeometry.Region(scene, o)))
            .ToList();
        var caption = $"{opening}: {EnglishText.List(parts)}.";
        var overlap = FirstOverlap(scene);
        return overlap is null ? caption : $"{caption} {overlap}";
    }

    private static string? FirstOverlap(Scene scene)
    {
        var named = SceneGeometry.UniquelyLabelled(scene);
        var objects = scene.Objects;
        for (var top = 1; top < objects.Count; top++)
        {
            for (var bottom = 0; bottom < top; bottom++)
            {
                if (named.Contains(objects[top]) && named.Contains(objects[bottom]) &&
                    SceneGeometry.Covers(objects[top], objects[bottom]))
                {
                    return $"The {objects[top].Label} partly covers the {objects[bottom].Label}.";
                }
            }
        }

        return null;
    }
}
