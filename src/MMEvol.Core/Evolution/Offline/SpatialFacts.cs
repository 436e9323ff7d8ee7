using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Facts about where objects are and how big they are, each null unless the boxes decide it with
/// a clear margin (<see cref="DetectionScene.CenterGap"/>, <see cref="DetectionScene.ClearRatio"/>).
/// </summary>
internal static class SpatialFacts
{
    /// <summary>"The a is left of the b." (or right of, above, below) along the relation's axis.</summary>
    public static Fact? Relate(GroundedObject a, GroundedObject b, bool horizontal)
    {
        var relation = horizontal ? Relations.LeftOf : Relations.Above;
        var offset = a.Offset(relation, b);
        if (Math.Abs(offset) <= DetectionScene.CenterGap)
            return null;
        if (offset < 0)
            relation = Relations.Opposite(relation);
        return new Fact(
            [Centers(a, b)],
            [T.Relation(a.Label, relation, b.Label)],
            [T.Relation(a.Label, Relations.Opposite(relation), b.Label)]);
    }

    /// <summary>Which of two objects is further in a direction: the winner is "relation" the other.</summary>
    public static Fact? Further(GroundedObject a, GroundedObject b, string relation)
    {
        var offset = a.Offset(relation, b);
        if (Math.Abs(offset) <= DetectionScene.CenterGap)
            return null;
        var (winner, loser) = offset > 0 ? (a, b) : (b, a);
        return new Fact(
            [Centers(a, b)],
            [T.Relation(winner.Label, relation, loser.Label)],
            [T.Relation(loser.Label, relation, winner.Label)],
            winner);
    }

    public static Fact? Larger(GroundedObject a, GroundedObject b)
    {
        if (!DetectionScene.Clear(a.Area, b.Area))
            return null;
        var (big, small) = a.Area > b.Area ? (a, b) : (b, a);
        return new Fact(
            [T.Covers(a.Label, a.Area, b.Label, b.Area)],
            [T.Larger(big.Label, small.Label)],
            [T.Larger(small.Label, big.Label)],
            big);
    }

    public static Fact? Closer(GroundedObject anchor, GroundedObject a, GroundedObject b)
    {
        double da = anchor.DistanceTo(a), db = anchor.DistanceTo(b);
        if (!DetectionScene.Clear(da, db))
            return null;
        var (near, far) = da < db ? (a, b) : (b, a);
        return new Fact(
            [T.Distances(anchor.Label, a.Label, da, b.Label, db)],
            [T.Closer(near.Label, anchor.Label, far.Label)],
            [T.Closer(far.Label, anchor.Label, near.Label)],
            near);
    }

    public static Fact? Closest(DetectionScene scene, GroundedObject anchor)
    {
        if (scene.Nearest(anchor) is not { } found)
            return null;
        var (near, distance, next) = found;
        // A wrong answer names the runner-up, as a model that misjudged two distances would.
        var runnerUp = scene.Named.Where(o => o != anchor && o != near).OrderBy(anchor.DistanceTo).FirstOrDefault();
        return new Fact(
            [T.NextNearest(distance, next)],
            [T.Closest(near.Label, anchor.Label)],
            runnerUp is null ? null : [T.Closest(runnerUp.Label, anchor.Label)],
            near);
    }

    public static Fact? Region(GroundedObject item, Random random)
    {
        if (DetectionScene.Region(item) is not { } region)
            return null;
        var others = T.Regions.Where(r => r != region).ToList();
        return new Fact(
            [T.CenterAt(item.Label, item.CenterX, item.CenterY)],
            [T.InRegion(item.Label, region)],
            [T.InRegion(item.Label, others[random.Next(others.Count)])]);
    }

    /// <summary>How many objects lie clearly on one side of the anchor.</summary>
    public static Fact? Beside(DetectionScene scene, GroundedObject anchor, string relation)
    {
        if (scene.CountBeside(anchor, relation) is not { } n)
            return null;
        return new Fact(
            [T.CenterAt(anchor.Label, anchor.CenterX, anchor.CenterY)],
            [T.Beside(n, relation, anchor.Label)],
            [T.Beside(n == 0 ? 1 : n - 1, relation, anchor.Label)],
            anchor);
    }

    public static Fact? Smallest(DetectionScene scene)
    {
        var ranked = scene.Objects.OrderBy(o => o.Area).ThenBy(o => o.Index).ToList();
        if (ranked.Count < 2 || !scene.Named.Contains(ranked[0]) || !DetectionScene.Clear(ranked[0].Area, ranked[1].Area))
            return null;
        var wrong = scene.Named.Where(o => o != ranked[0]).OrderBy(o => o.Area).FirstOrDefault();
        return new Fact(
            [T.AreaRange(ranked[0].Area, ranked[1].Area)],
            [T.Smallest(ranked[0].Label)],
            wrong is null ? null : [T.Smallest(wrong.Label)],
            ranked[0]);
    }

    private static string Centers(GroundedObject a, GroundedObject b) =>
        T.CentersAt(a.Label, a.CenterX, a.CenterY, b.Label, b.CenterX, b.CenterY);
}
