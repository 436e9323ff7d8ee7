using MMEvol.Core.Model;
using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Formats built around one claim: fill_in_the_blank, text_image_matching (a quoted statement,
/// true or false), instruction_following and rationales_generation.
/// </summary>
internal static class StatementFormats
{
    public const string FillInTheBlank = "fill_in_the_blank";
    public const string TextImageMatching = "text_image_matching";
    public const string InstructionFollowing = "instruction_following";
    public const string RationalesGeneration = "rationales_generation";

    public static Draft? WriteFillIn(RewriteContext context, GroundedObject? subject)
    {
        var blanks = Blanks.Candidates(context, subject);
        if (blanks.Count == 0)
            return null;
        var blank = context.Pick(blanks);
        var log = new StepLog();
        blank.Steps(log);
        return Draft.Of(FillInTheBlank, T.FillIn(blank.Sentence),
            T.BlankIs(blank.Word) + " " + blank.Claim, T.BlankIs(blank.WrongWord) + " " + blank.WrongClaim, log);
    }

    public static Draft? WriteMatching(RewriteContext context, GroundedObject? subject)
    {
        var facts = SubjectFacts(context, subject).Where(f => f.Fact.Wrong is { Count: 1 } && f.Fact.Claims.Count == 1).ToList();
        if (facts.Count == 0)
            return null;
        var (fact, steps) = context.Pick(facts);
        var holds = context.Chance(0.5);
        var statement = holds ? fact.Claims[0] : fact.Wrong![0];
        var why = string.Join(" ", fact.Work.Append(fact.Claims[0]));
        var wrongWhy = string.Join(" ", fact.Work.Append(fact.Wrong![0]));
        var log = new StepLog();
        steps(log);
        return Draft.Of(TextImageMatching, T.MatchStatement(statement),
            (holds ? T.TrueWord : T.FalseWord) + ". " + why,
            (holds ? T.FalseWord : T.TrueWord) + ". " + wrongWhy, log);
    }

    public static Draft WriteInstruction(RewriteContext context, GroundedObject? subject)
    {
        var log = new StepLog();
        if (subject is not null && SpatialFacts.Region(subject, context.Random) is { } region)
        {
            log.Ground(subject);
            log.Skill(AtomicSkills.ContextUnderstanding);
            return Draft.Of(InstructionFollowing, T.StartWithThe(subject.Label), region, log);
        }

        var kind = subject?.Noun ?? context.Pick(context.Scene.Nouns);
        var box = log.GroundGroup(LabelWords.Plural(kind), CountFacts.Members(context.Scene, kind));
        log.Calculate(T.CountOf(box), T.Int(CountFacts.Members(context.Scene, kind).Count), T.CountBoxes);
        return Draft.Of(InstructionFollowing, T.OneShortSentence(LabelWords.Plural(kind)), CountFacts.Count(context.Scene, kind, context.Random), log);
    }

    public static Draft? WriteRationale(RewriteContext context, GroundedObject? subject)
    {
        var facts = SubjectFacts(context, subject).Where(f => f.Fact.Work.Count > 0 && f.Fact.Wrong is not null && f.Fact.Claims.Count == 1).ToList();
        if (facts.Count == 0)
            return null;
        var (fact, steps) = context.Pick(facts);
        var log = new StepLog();
        steps(log);
        var work = string.Join(" ", fact.Work);
        return Draft.Of(RationalesGeneration, T.ExplainFact(fact.Claims[0]),
            work + " " + T.Conclusion(fact.Claims[0]), work + " " + T.Conclusion(fact.Wrong![0]), log);
    }

    // Single facts about the subject and one other object, with the steps that check them.
    private static List<(Fact Fact, Action<StepLog> Steps)> SubjectFacts(RewriteContext context, GroundedObject? subject)
    {
        var scene = context.Scene;
        var facts = new List<(Fact, Action<StepLog>)>();
        if (subject is null || !scene.Named.Contains(subject))
        {
            var kind = context.Pick(scene.Nouns);
            facts.Add((CountFacts.Count(scene, kind, context.Random), log => log.GroundGroup(LabelWords.Plural(kind), CountFacts.Members(scene, kind))));
            return facts;
        }

        var others = scene.Named.Where(o => o != subject).ToList();
        if (others.Count > 0)
        {
            var other = context.Pick(others);
            void Both(StepLog log, string measure, string result, string description)
            {
                var (a, b) = (log.Ground(subject), log.Ground(other));
                log.Calculate(T.Measures(measure, a, b), result, description);
            }

            var horizontal = context.Chance(0.5);
            if (SpatialFacts.Relate(subject, other, horizontal) is { } side)
            {
                var axis = horizontal ? Relations.LeftOf : Relations.Above;
                var relation = subject.Offset(axis, other) > 0 ? axis : Relations.Opposite(axis);
                facts.Add((side, log => { Both(log, T.CenterMeasure, relation, T.CompareCenters); log.Skill(AtomicSkills.RelationshipDescription); }));
            }

            if (SpatialFacts.Larger(subject, other) is { Winner: { } big } larger)
                facts.Add((larger, log => { Both(log, T.AreaMeasure, big.Label, T.CompareAreas); log.Skill(AtomicSkills.KnowledgeIntegration); }));
        }

        if (SpatialFacts.Region(subject, context.Random) is { } region)
            facts.Add((region, log => { log.Ground(subject); log.Skill(AtomicSkills.ContextUnderstanding); }));
        if (SpatialFacts.Closest(scene, subject) is { Winner: { } near } closest)
            facts.Add((closest, log => { log.Ground(subject); log.Ground(near); log.Skill(AtomicSkills.RelationshipDescription); }));
        if (scene.OnlyOfNoun(subject.Noun) == subject && CountFacts.Color(scene, subject.Noun, context.Random) is { } color)
            facts.Add((color, log => log.Refer(subject)));
        return facts;
    }
}
