namespace MMEvol.Core.Demo;

/// <summary>
/// Spatial facts about a scene's objects, all read from the visible boxes (what a viewer, or a
/// model given the detections, sees). Captions, seed questions and benchmark answers share them.
/// </summary>
internal static class SceneGeometry
{
    /// <summary>Minimum gap between two centers, as a share of the canvas, for "left of"/"above" to be asked.</summary>
    public const double ClearGap = 0.15;

    /// <summary>One of "top left", "top", "top right", "left", "center", "right", "bottom left", "bottom", "bottom right".</summary>
    public static string Region(Scene scene, SceneObject item)
    {
        var column = Third(item.Visible.CenterX / scene.Width);
        var row = Third(item.Visible.CenterY / scene.Height);
        string[] rows = ["top", "", "bottom"];
        string[] columns = ["left", "", "right"];
        var text = $"{rows[row]} {columns[column]}".Trim();
        return text.Length == 0 ? "center" : text;
    }

    /// <summary>"in the top left corner", "at the top", "on the left side", "in the center" ...</summary>
    public static string RegionPhrase(string region) => region switch
    {
        "center" => "in the center",
        "top" or "bottom" => $"at the {region}",
        "left" or "right" => $"on the {region} side",
        _ => $"in the {region} corner",
    };

    /// <summary>Signed horizontal gap between centers (positive: <paramref name="a"/> is left of <paramref name="b"/>), as a share of the width.</summary>
    public static double LeftGap(Scene scene, SceneObject a, SceneObject b) =>
        (b.Visible.CenterX - a.Visible.CenterX) / scene.Width;

    /// <summary>Signed vertical gap between centers (positive: <paramref name="a"/> is above <paramref name="b"/>), as a share of the height.</summary>
    public static double AboveGap(Scene scene, SceneObject a, SceneObject b) =>
        (b.Visible.CenterY - a.Visible.CenterY) / scene.Height;

    /// <summary>Whether the later object <paramref name="top"/> hides some pixel of the earlier <paramref name="bottom"/>.</summary>
    public static bool Covers(SceneObject top, SceneObject bottom)
    {
        if (!top.Bounds.Intersects(bottom.Bounds))
        {
            return false;
        }

        int x0 = Math.Max(top.Bounds.X, bottom.Bounds.X), x1 = Math.Min(top.Bounds.Right, bottom.Bounds.Right);
        int y0 = Math.Max(top.Bounds.Y, bottom.Bounds.Y), y1 = Math.Min(top.Bounds.Bottom, bottom.Bounds.Bottom);
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                if (ShapeMask.Covers(top.Shape, top.Bounds, x, y) && ShapeMask.Covers(bottom.Shape, bottom.Bounds, x, y))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The objects whose label no other object in the scene shares: the ones a question can name.</summary>
    public static IReadOnlyList<SceneObject> UniquelyLabelled(Scene scene) =>
        scene.Objects.Where(o => scene.Objects.Count(p => p.Label == o.Label) == 1).ToList();

    /// <summary>The only object of a shape kind, or null when there is none or several.</summary>
    public static SceneObject? OnlyOfShape(Scene scene, ShapeKind shape)
    {
        var matches = scene.Objects.Where(o => o.Shape == shape).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static int Third(double share) => share < 1.0 / 3 ? 0 : share < 2.0 / 3 ? 1 : 2;
}
