using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// The clauses a reasoning question is built from, each instantiated on random objects and
/// offered only where the boxes decide it. The current subject (the previous clause's answer) is
/// named "that object"; <paramref name="focus"/> objects (the parent item's) are preferred and
/// <paramref name="avoid"/> objects (the previous clause's) are not compared again.
/// </summary>
internal static class ReasoningClauses
{
    private const int Anchors = 3;

    public static IEnumerable<Clause> Candidates(
        RewriteContext context, GroundedObject? subject, IReadOnlyList<GroundedObject> focus, IReadOnlyList<GroundedObject> avoid)
    {
        // The subject first (it keeps the chain going), then the parent's objects, then any; a few
        // anchors, so that a clause kind the first anchor cannot serve is still on offer.
        var named = context.Scene.Named;
        var anchors = new List<GroundedObject>();
        if (subject is not null)
            anchors.Add(subject);
        while (anchors.Count < Math.Min(Anchors, named.Count))
        {
            var pool = focus.Count > 0 && anchors.Count == 0 && context.Chance(0.7) ? focus : named;
            var next = context.Pick(pool);
            if (!anchors.Contains(next))
                anchors.Add(next);
        }

        return anchors.SelectMany(a => Anchored(context, a, subject, avoid)).Concat(PictureClauses.Candidates(context));
    }

    private static IEnumerable<Clause> Anchored(RewriteContext context, GroundedObject a, GroundedObject? subject, IReadOnlyList<GroundedObject> avoid)
    {
        var scene = context.Scene;
        var named = scene.Named;
        GroundedObject? Other(params GroundedObject[] not)
        {
            var rest = named.Where(o => !not.Contains(o) && !avoid.Contains(o)).ToList();
            return rest.Count == 0 ? null : context.Pick(rest);
        }

        string P(GroundedObject o) => o == subject ? T.ThatObject : T.The(o.Label);

        if (named.Count >= 2)
        {
            if (Other(a) is { } b && SpatialFacts.Larger(a, b) is { Winner: { } big } larger)
                yield return new Clause(T.CoversMore(P(a), P(b)), larger, log => Compare(log, a, b, T.AreaMeasure, big.Label, T.CompareAreas, AtomicSkills.KnowledgeIntegration), big, [a, b]);

            var relation = context.Pick(Relations.All);
            if (Other(a) is { } c && SpatialFacts.Further(a, c, relation) is { Winner: { } far } further)
                yield return new Clause(T.SitsFurther(P(a), P(c), T.FurtherWord(relation)), further, log => Compare(log, a, c, T.CenterMeasure, far.Label, T.CompareCenters, AtomicSkills.RelationshipDescription), far, [a, c]);

            var horizontal = context.Chance(0.5);
            if (Other(a) is { } d && SpatialFacts.Relate(a, d, horizontal) is { } side)
            {
                var question = horizontal ? T.LeftOrRight(P(a), P(d)) : T.AboveOrBelow(P(a), P(d));
                var result = a.Offset(horizontal ? Relations.LeftOf : Relations.Above, d) > 0
                    ? (horizontal ? Relations.LeftOf : Relations.Above)
                    : (horizontal ? Relations.RightOf : Relations.Below);
                yield return new Clause(question, side, log => Compare(log, a, d, T.CenterMeasure, result, T.CompareCenters, AtomicSkills.RelationshipDescription), subject, [a, d]);
            }

            if (SpatialFacts.Closest(scene, a) is { Winner: { } near } closest && !avoid.Contains(near))
                yield return new Clause(T.LiesNearest(P(a)), closest, log =>
                {
                    log.Calculate(T.DistanceToEvery(log.Ground(a)), near.Label, T.CompareDistances);
                    log.Ground(near);
                    log.Skill(AtomicSkills.RelationshipDescription);
                }, near, [a, near]);
        }

        if (named.Count >= 3)
        {
            var anchor = a;
            if (Other(anchor) is { } x && Other(anchor, x) is { } y && SpatialFacts.Closer(anchor, x, y) is { Winner: { } near } closer)
                yield return new Clause(T.CloserTo(P(anchor), P(x), P(y)), closer, log =>
                {
                    var (ba, bx, by) = (log.Ground(anchor), log.Ground(x), log.Ground(y));
                    log.Calculate(T.DistancesFrom(ba, bx, by), log.Ground(near), T.CompareDistances);
                    log.Skill(AtomicSkills.RelationshipDescription);
                }, near, [anchor, x, y]);
        }

        if (named.Count >= 1)
        {
            if (SpatialFacts.Region(a, context.Random) is { } region)
                yield return new Clause(T.PartOfImage(P(a)), region, log =>
                {
                    log.Calculate(T.CenterOf(log.Ground(a)), DetectionScene.Region(a)!, T.ThirdsOfImage);
                    log.Skill(AtomicSkills.ContextUnderstanding);
                }, subject, [a]);

            var relation = context.Pick(Relations.All);
            if (SpatialFacts.Beside(scene, a, relation) is { } beside)
                yield return new Clause(T.HowManyBeside(relation, P(a)), beside, log =>
                {
                    log.Calculate(T.CenterAgainstAll(log.Ground(a)), T.Int(scene.CountBeside(a, relation)!.Value), T.CompareCenters);
                    log.Skill(AtomicSkills.ContextUnderstanding);
                }, subject, [a]);

            if (scene.OnlyOfNoun(a.Noun) == a && CountFacts.Color(scene, a.Noun, context.Random) is { } color)
                yield return new Clause(T.WhichColor(a == subject ? T.ThatObject : T.The(a.Noun)), color, log => log.Refer(a), subject, [a]);
        }
    }

    private static void Compare(StepLog log, GroundedObject a, GroundedObject b, string measure, string result, string description, string skill)
    {
        var (ba, bb) = (log.Ground(a), log.Ground(b));
        log.Calculate(T.Measures(measure, ba, bb), result, description);
        log.Skill(skill);
    }
}
