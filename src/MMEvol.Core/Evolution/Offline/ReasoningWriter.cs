using MMEvol.Core.Formats;
using MMEvol.Core.Model;
using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// In-depth rewrites (METHOD.md direction 2): a chain of clauses, each answering from the boxes
/// and often handing its answer on as "that object", until the item has more steps and skills
/// than the parent item and 1-2 object categories the parent did not use. The answer walks
/// through every clause and ends with the conclusion stated plainly.
/// </summary>
internal static class ReasoningWriter
{
    private const int MaxClauses = 8;

    // OCR and behavior prediction have nothing to work on in a picture described by boxes alone.
    private const int UsableSkills = 7;

    public static Draft Write(RewriteContext context, SourceItem parent)
    {
        var focus = context.NamedIn(parent);
        var known = parent.Objects.Concat(focus.Select(o => o.Label)).ToHashSet(StringComparer.Ordinal);
        var steps = Math.Max(4, parent.Steps.Count + 1 + context.Random.Next(2));
        var skills = Math.Min(UsableSkills, parent.Skills.Count + 1 + context.Random.Next(2));
        var newObjects = Math.Min(1 + context.Random.Next(2), context.Scene.Labels.Count(l => !known.Contains(l)));
        int Added(StepLog log) => log.Objects.Count(o => !known.Contains(o));

        var log = new StepLog();
        var chosen = new List<Clause>();
        GroundedObject? subject = null;
        // Steps and skills must grow; new objects are sought for a few clauses, not at any length.
        // A target no clause can serve (a picture with few objects) ends the chain rather than padding it.
        while (chosen.Count < MaxClauses)
        {
            var options = Options(context, log, chosen, subject, focus, Added);
            var needs = log.Steps.Count < steps
                || (log.Skills.Count < skills && options.Any(o => o.Trial.Skills.Count > log.Skills.Count))
                || (Added(log) < newObjects && chosen.Count < 3 && options.Any(o => Added(o.Trial) > Added(log)));
            if (options.Count == 0 || (chosen.Count > 0 && !needs))
                break;
            if (chosen.Count > 0)
                Narrow(options, log.Skills.Count, skills, chosen.Any(c => c.Resets));
            if (Added(log) < newObjects && options.Any(o => Added(o.Trial) > Added(log)))
                options.RemoveAll(o => Added(o.Trial) == Added(log));
            var pick = Weighted(context.Random, options);
            log = pick.Trial;
            chosen.Add(pick.Clause);
            subject = pick.Clause.Resets ? null : pick.Clause.Next;
        }

        // Zooming in to confirm a grounded object adds Referencing, and steps where still short.
        var grounded = context.Scene.Named.Where(log.IsGrounded).ToList();
        if (log.Skills.Count < skills && grounded.Count > 0)
            log.Refer(grounded[0]);
        while (log.Steps.Count < steps && log.ReferNext())
        {
        }

        var question = string.Join(" ", chosen.Select(c => c.Question));
        if (context.Chance(0.5))
            question = context.Pick(T.ReasoningLeads) + " " + question;
        var wrong = chosen[^1].Fact.Wrong is { } claims ? Answer(chosen, claims) : null;
        return Draft.Of(InstructionFormats.Norm, question, Answer(chosen, chosen[^1].Fact.Claims), wrong, log);
    }

    private static List<Option> Options(
        RewriteContext context, StepLog log, List<Clause> chosen, GroundedObject? subject, IReadOnlyList<GroundedObject> focus, Func<StepLog, int> added)
    {
        var options = new List<Option>();
        var avoid = chosen.Count == 0 ? [] : chosen[^1].Involves;
        foreach (var clause in ReasoningClauses.Candidates(context, subject, chosen.Count == 0 ? focus : [], avoid))
        {
            if (chosen.Any(c => c.Question == clause.Question) || options.Any(o => o.Clause.Question == clause.Question))
                continue;
            var trial = log.Clone();
            clause.Apply(trial);
            if (trial.Steps.Count == log.Steps.Count)
                continue;
            // Comparisons chained through "that object" make the reasoning; the many questions about
            // the picture as a whole (counts, existence) together weigh about as much as one of them.
            var weight = clause.Resets ? 1 : 6;
            weight += clause.Question.Contains(T.ThatObject, StringComparison.Ordinal) ? 6 : 0;
            weight += added(trial) > added(log) && !clause.Resets ? 3 : 0;
            options.Add(new Option(clause, trial, weight));
        }

        return options;
    }

    // Skills are spent sparingly so that later rounds still have new ones to add: while short,
    // only the clauses that bring the fewest new skills; once there, only those that bring none.
    private static void Narrow(List<Option> options, int have, int wanted, bool wholePicture)
    {
        int Gain(Option o) => o.Trial.Skills.Count - have;
        var gains = options.Select(Gain).Where(g => have < wanted ? g > 0 : g == 0).ToList();
        if (gains.Count > 0)
            options.RemoveAll(o => Gain(o) != gains.Min());
        if (wholePicture && options.Any(o => !o.Clause.Resets))
            options.RemoveAll(o => o.Clause.Resets);
    }

    // Every clause's working and claims in order; the last clause's claims are the given ones.
    private static string Answer(List<Clause> chosen, IReadOnlyList<string> lastClaims)
    {
        var sentences = new List<string>();
        for (var i = 0; i < chosen.Count; i++)
        {
            sentences.AddRange(chosen[i].Fact.Work);
            sentences.AddRange(i == chosen.Count - 1 ? lastClaims : chosen[i].Fact.Claims);
        }

        sentences.Add(T.Conclusion(lastClaims[^1]));
        return string.Join(" ", sentences);
    }

    // A clause tried on a copy of the log, with how much the writer wants it.
    private sealed record Option(Clause Clause, StepLog Trial, int Weight);

    private static Option Weighted(Random random, List<Option> options)
    {
        var roll = random.Next(options.Sum(o => o.Weight));
        foreach (var option in options)
        {
            if ((roll -= option.Weight) < 0)
                return option;
        }

        return options[^1];
    }
}
