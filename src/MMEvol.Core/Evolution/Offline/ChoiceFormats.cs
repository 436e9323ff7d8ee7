using MMEvol.Core.Model;
using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>Formats that offer lettered options: multi_choice, region_selection, missing_object_selection.</summary>
internal static class ChoiceFormats
{
    public const string MultiChoice = "multi_choice";
    public const string RegionSelection = "region_selection";
    public const string MissingObjectSelection = "missing_object_selection";

    public static Draft? WriteMultiChoice(RewriteContext context, GroundedObject? subject)
    {
        var scene = context.Scene;
        var variants = new List<Func<Draft?>>();
        if (subject is not null && DetectionScene.Region(subject) is { } region)
            variants.Add(() => Build(context, T.AppearsWhere(subject.Label), region, T.Regions, log =>
            {
                log.Ground(subject);
                log.Skill(AtomicSkills.ContextUnderstanding);
            }));
        if (subject is { Color: { } color } && scene.OnlyOfNoun(subject.Noun) == subject)
            variants.Add(() => Build(context, T.WhichColor(T.The(subject.Noun)), color, T.PaletteColors, log => log.Refer(subject)));
        if (subject is not null && scene.Nearest(subject) is { Nearest: var near })
            variants.Add(() => Build(context, T.WhichClosest(subject.Label), near.Label,
                scene.Labels.Concat(scene.AbsentLabels()).Where(l => l != subject.Label), log =>
                {
                    log.Calculate(T.DistanceToEvery(log.Ground(subject)), near.Label, T.CompareDistances);
                    log.Skill(AtomicSkills.RelationshipDescription);
                }));
        var kind = subject?.Noun ?? context.Pick(scene.Nouns);
        var n = CountFacts.Members(scene, kind).Count;
        variants.Add(() => Build(context, T.HowMany(LabelWords.Plural(kind)), T.Int(n),
            new[] { n + 1, n + 2, n - 1, n - 2, n + 3 }.Where(k => k >= 0).Select(T.Int), log =>
            {
                log.Calculate(T.CountOf(log.GroundGroup(LabelWords.Plural(kind), CountFacts.Members(scene, kind))), T.Int(n), T.CountBoxes);
            }));
        return context.Pick(variants)();
    }

    public static Draft? WriteRegionSelection(RewriteContext context, GroundedObject? subject)
    {
        if (subject is null || context.Scene.Objects.Count < 2)
            return null;
        var others = context.Scene.Objects.Where(o => o != subject).Select(o => T.Box(o.Box));
        var choices = Choices.Arrange(T.Box(subject.Box), others, context.Random);
        var log = new StepLog();
        log.Refer(subject);
        return Draft.Of(RegionSelection, choices.Question(T.FramesBox(subject.Label)), choices.Answer, choices.WrongAnswer, log);
    }

    public static Draft? WriteMissingObject(RewriteContext context)
    {
        var scene = context.Scene;
        var absent = scene.AbsentLabels();
        if (scene.Labels.Count < Choices.Count - 1 || absent.Count == 0)
            return null;
        var missing = context.Pick(absent);
        var choices = Choices.Arrange(missing, scene.Labels, context.Random);
        var log = new StepLog();
        foreach (var label in choices.Options.Where(scene.HasLabel))
            log.GroundGroup(LabelWords.Plural(label), CountFacts.Members(scene, label));
        log.GroundNothing(missing);
        log.Skill(AtomicSkills.Existence);
        return Draft.Of(MissingObjectSelection, choices.Question(T.NotContained), choices.Answer, choices.WrongAnswer, log);
    }

    private static Draft Build(RewriteContext context, string question, string right, IEnumerable<string> wrong, Action<StepLog> steps)
    {
        var choices = Choices.Arrange(right, wrong, context.Random);
        var log = new StepLog();
        steps(log);
        return Draft.Of(MultiChoice, choices.Question(question), choices.Answer, choices.WrongAnswer, log);
    }
}
