using MMEvol.Core.Formats;
using MMEvol.Core.Model;
using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// In-breadth rewrites (METHOD.md direction 1): a new question about an overlooked, preferably
/// small object the parent item does not mention, about as many steps as the parent item has.
/// </summary>
internal static class PerceptionWriter
{
    // A perception item stays a perception item: about as many steps as its parent, up to a few.
    private const int MaxSteps = 3;

    public static Draft Write(RewriteContext context, SourceItem parent)
    {
        var wanted = Math.Clamp(parent.Steps.Count, 1, MaxSteps);
        var target = Targets(context, parent)[0];
        context.Target(target.Label);
        // Never empty: counting and existence apply to any object.
        var drafts = Kinds(context, target, wanted).OfType<Draft>().ToList();
        var gap = drafts.Min(d => Math.Abs(d.Steps.Count - wanted));
        return context.Pick(drafts.Where(d => Math.Abs(d.Steps.Count - wanted) <= Math.Max(1, gap)).ToList());
    }

    // Unmentioned first, then not yet used in this response, then smallest; the smallest two trade places now and then.
    private static List<GroundedObject> Targets(RewriteContext context, SourceItem parent)
    {
        var ranked = context.Scene.Objects
            .OrderBy(o => context.Mentions(parent, o))
            .ThenBy(o => context.IsTargeted(o.Label))
            .ThenBy(o => context.Parents.Any(p => context.Mentions(p, o)))
            .ThenBy(o => o.Area)
            .ThenBy(o => o.Index)
            .ToList();
        if (ranked.Count > 1 && context.Chance(0.3))
            (ranked[0], ranked[1]) = (ranked[1], ranked[0]);
        return ranked;
    }

    private static IEnumerable<Draft?> Kinds(RewriteContext context, GroundedObject target, int wanted)
    {
        var scene = context.Scene;
        var named = scene.Named.Contains(target);
        if (named && SpatialFacts.Region(target, context.Random) is { } region)
        {
            var log = new StepLog();
            var box = log.Ground(target);
            if (context.Chance(0.5))
                log.Calculate(T.CenterOf(box), DetectionScene.Region(target)!, T.ThirdsOfImage);
            log.Skill(AtomicSkills.ContextUnderstanding);
            yield return Finish(T.WhereLocated(target.Label), region, log, wanted);
        }

        if (scene.OnlyOfNoun(target.Noun) == target && CountFacts.Color(scene, target.Noun, context.Random) is { } color)
        {
            var log = new StepLog();
            log.Ground(target);
            log.Refer(target);
            yield return Finish(T.WhichColor(T.The(target.Noun)), color, log, wanted);
        }

        if (SpatialFacts.Smallest(scene) is { } smallest && smallest.Winner == target)
        {
            var log = new StepLog();
            log.Calculate(T.AreaOfEveryBox, target.Label, T.CompareAreas);
            log.Ground(target);
            yield return Finish(T.WhichSmallest, smallest, log, wanted);
        }

        if (named && SpatialFacts.Closest(scene, target) is { Winner: { } near } closest)
        {
            var log = new StepLog();
            var box = log.Ground(target);
            log.Calculate(T.DistanceToEvery(box), near.Label, T.CompareDistances);
            log.Use(near.Label);
            log.Skill(AtomicSkills.RelationshipDescription);
            yield return Finish(T.WhichClosest(target.Label), closest, log, wanted);
        }

        yield return Count(context, context.Chance(0.5) || target.Color is null ? target.Noun : target.Label, wanted);
        yield return Existence(context, target, wanted);
    }

    private static Draft Count(RewriteContext context, string kind, int wanted)
    {
        var log = new StepLog();
        var plural = LabelWords.Plural(kind);
        var box = log.GroundGroup(plural, CountFacts.Members(context.Scene, kind));
        var fact = CountFacts.Count(context.Scene, kind, context.Random);
        log.Calculate(T.CountOf(box), T.Int(CountFacts.Members(context.Scene, kind).Count), T.CountBoxes);
        return Finish(T.HowMany(plural), fact, log, wanted);
    }

    // Zooming in on what was grounded brings the step count nearer the parent's.
    private static Draft Finish(string question, Fact fact, StepLog log, int wanted)
    {
        while (log.Steps.Count < wanted && log.ReferNext())
        {
        }

        return Draft.Of(InstructionFormats.Norm, question, fact, log);
    }

    // Half the time asks about a look-alike that is not there, as POPE does, and answers with what is.
    private static Draft Existence(RewriteContext context, GroundedObject target, int wanted)
    {
        var scene = context.Scene;
        var log = new StepLog();
        var lookalikes = scene.AbsentLabels()
            .Where(l => LabelWords.Noun(l) == target.Noun || l.StartsWith(target.Color + " ", StringComparison.Ordinal))
            .ToList();
        log.Skill(AtomicSkills.Existence);
        if (lookalikes.Count == 0 || context.Chance(0.5))
        {
            log.GroundGroup(LabelWords.Plural(target.Label), CountFacts.Members(scene, target.Label));
            var present = CountFacts.Exists(scene, target.Label);
            var detail = scene.Named.Contains(target)
                ? SpatialFacts.Region(target, context.Random)
                : CountFacts.Count(scene, target.Label, context.Random);
            var claims = detail is null ? present.Claims : [.. present.Claims, .. detail.Claims];
            return Finish(T.Contains(T.WithArticle(target.Label)),
                new Fact([], claims, present.Wrong), log, wanted);
        }

        var absent = context.Pick(lookalikes);
        log.GroundNothing(absent);
        log.GroundGroup(LabelWords.Plural(target.Label), CountFacts.Members(scene, target.Label));
        var no = CountFacts.Exists(scene, absent);
        var count = CountFacts.Count(scene, target.Label, context.Random);
        return Finish(T.Contains(T.WithArticle(absent)),
            new Fact([], [.. no.Claims, .. count.Claims], no.Wrong), log, wanted);
    }
}
