using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Reasoning clauses about the picture as a whole (counts, a comparison of counts, existence):
/// they need no named object, so even a picture of look-alikes has some, and "that object"
/// cannot refer across them.
/// </summary>
internal static class PictureClauses
{
    public static IEnumerable<Clause> Candidates(RewriteContext context)
    {
        var scene = context.Scene;
        if (scene.Nouns.Count >= 2)
        {
            var first = context.Pick(scene.Nouns);
            var second = context.Pick(scene.Nouns.Where(n => n != first).ToList());
            if (CountFacts.More(scene, first, second) is { } more)
                yield return new Clause(T.HoldsMore(LabelWords.Plural(first), LabelWords.Plural(second)), more, log =>
                {
                    var (p1, p2) = (LabelWords.Plural(first), LabelWords.Plural(second));
                    var (b1, b2) = (log.GroundGroup(p1, CountFacts.Members(scene, first)), log.GroundGroup(p2, CountFacts.Members(scene, second)));
                    log.Calculate(T.CountsOf(b1, b2), scene.CountNoun(first) > scene.CountNoun(second) ? p1 : p2, T.CountBoxes);
                    log.Skill(AtomicSkills.Existence);
                }, null, [], Resets: true);
        }

        foreach (var kind in scene.Nouns.Concat(scene.Labels).Distinct(StringComparer.Ordinal))
        {
            var plural = LabelWords.Plural(kind);
            yield return new Clause(T.HowMany(plural), CountFacts.Count(scene, kind, context.Random), log =>
            {
                var members = CountFacts.Members(scene, kind);
                log.Calculate(T.CountOf(log.GroundGroup(plural, members)), T.Int(members.Count), T.CountBoxes);
                log.Skill(AtomicSkills.Existence);
            }, null, [], Resets: true);
        }

        // Mostly look-alikes that are not there (POPE's adversarial kind), sometimes one that is.
        var absent = scene.AbsentLabels().ToList();
        for (var i = 0; i < 6; i++)
        {
            var fake = absent.Count > 0 && context.Chance(0.8);
            var label = fake ? context.Pick(absent) : context.Pick(scene.Labels);
            if (fake)
                absent.Remove(label);
            yield return new Clause(T.AlsoContains(T.WithArticle(label)), CountFacts.Exists(scene, label), log =>
            {
                if (scene.HasLabel(label))
                    log.GroundGroup(LabelWords.Plural(label), CountFacts.Members(scene, label));
                else
                    log.GroundNothing(label);
                log.Skill(AtomicSkills.Existence);
            }, null, [], Resets: true);
        }
    }
}
