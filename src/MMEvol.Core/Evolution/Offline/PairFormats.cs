using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>Formats that tie objects to places: relative_distance and object_region_matching.</summary>
internal static class PairFormats
{
    public const string RelativeDistance = "relative_distance";
    public const string ObjectRegionMatching = "object_region_matching";

    /// <summary>Which of two objects is closer to a third; the subject is the anchor when it can be.</summary>
    public static Draft? WriteRelativeDistance(RewriteContext context, GroundedObject? subject)
    {
        var named = context.Scene.Named;
        if (named.Count < 3)
            return null;
        IReadOnlyList<GroundedObject> anchors = subject is not null && named.Contains(subject) ? [subject] : named;
        foreach (var anchor in anchors)
        {
            var others = named.Where(o => o != anchor).ToList();
            for (var attempt = 0; attempt < 4; attempt++)
            {
                var a = context.Pick(others);
                var b = context.Pick(others.Where(o => o != a).ToList());
                if (SpatialFacts.Closer(anchor, a, b) is not { Winner: { } near } fact)
                    continue;
                var log = new StepLog();
                var (ba, bx, by) = (log.Ground(anchor), log.Ground(a), log.Ground(b));
                log.Calculate(T.DistancesFrom(ba, bx, by), near.Label, T.CompareDistances);
                log.Skill(AtomicSkills.RelationshipDescription);
                return Draft.Of(RelativeDistance, T.WhichCloser(anchor.Label, a.Label, b.Label), fact, log);
            }
        }

        return null;
    }

    /// <summary>Names the object a given detection box holds; a wrong answer names another object.</summary>
    public static Draft? WriteObjectRegion(RewriteContext context, GroundedObject? subject)
    {
        var named = context.Scene.Named;
        if (subject is null || !named.Contains(subject))
            return null;
        var others = named.Where(o => o != subject).ToList();
        var log = new StepLog();
        log.Refer(subject);
        var wrong = others.Count == 0 ? null : T.AtBox(context.Pick(others).Label, subject.Box);
        return Draft.Of(ObjectRegionMatching, T.FillsBox(subject.Box), T.AtBox(subject.Label, subject.Box), wrong, log);
    }
}
