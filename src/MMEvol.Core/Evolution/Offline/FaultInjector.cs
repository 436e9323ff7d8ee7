using MMEvol.Core.Formats;
using MMEvol.Core.Model;
using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Spoils an item the ways a real model's rewrite goes wrong (METHOD.md, elimination), so that
/// the judge and the reviewers have real work. The fault is recorded beside the item, never
/// marked in its text. Kinds are drawn evenly; one that cannot apply passes to the next.
/// </summary>
internal static class FaultInjector
{
    private static readonly FaultKind[] Kinds =
        [FaultKind.HallucinatedObject, FaultKind.WrongAnswer, FaultKind.UnchangedRewrite, FaultKind.TemplateEcho];

    public static (SourceItem Item, FaultKind? Fault) Apply(RewriteContext context, Draft draft, SourceItem parent, double rate)
    {
        var clean = draft.ToItem(parent.ImagePosition);
        if (!context.Chance(rate))
            return (clean, null);
        var start = context.Random.Next(Kinds.Length);
        for (var i = 0; i < Kinds.Length; i++)
        {
            var kind = Kinds[(start + i) % Kinds.Length];
            if (Spoil(context, kind, draft, parent) is { } item)
                return (item, kind);
        }

        return (clean, null);
    }

    private static SourceItem? Spoil(RewriteContext context, FaultKind kind, Draft draft, SourceItem parent) => kind switch
    {
        FaultKind.HallucinatedObject => Hallucinate(context, draft, parent.ImagePosition),
        FaultKind.WrongAnswer => draft.WrongAnswer is { } wrong ? draft.ToItem(parent.ImagePosition, wrong) : null,
        FaultKind.UnchangedRewrite => parent with { Verdict = null, Decision = null },
        _ => draft.ToItem(parent.ImagePosition) with
        {
            Question = string.Format(System.Globalization.CultureInfo.InvariantCulture, context.Pick(T.EchoPatterns), parent.Question, draft.Question),
        },
    };

    // Swaps an object the item names for a look-alike that is not in the picture, everywhere,
    // boxes included: the model saw something that is not there and reasoned on as if it were.
    private static SourceItem? Hallucinate(RewriteContext context, Draft draft, string imagePosition)
    {
        var scene = context.Scene;
        var absent = scene.AbsentLabels()
            .Where(l => !TextSearch.ContainsWord(draft.Question, l) && !TextSearch.ContainsWord(draft.Answer, l))
            .ToList();
        if (scene.IsEmpty || absent.Count == 0)
            return null;
        var named = draft.Objects.Where(l => scene.Find(l) is not null && TextSearch.ContainsWord(draft.Question, l)).ToList();
        if (named.Count > 0)
        {
            var real = context.Pick(named);
            var lookalikes = absent.Where(l => LabelWords.Noun(l) == LabelWords.Noun(real) || LabelWords.Color(l) == LabelWords.Color(real)).ToList();
            var fake = context.Pick(lookalikes.Count > 0 ? lookalikes : absent);
            string Swap(string text) => TextSearch.ReplaceWord(text, real, fake);
            return new SourceItem(
                Swap(draft.Question), Swap(draft.Answer),
                draft.Steps.Select(s => new Step(Swap(s.Manipulation), Swap(s.Description))).ToList(),
                draft.Objects.Select(Swap).ToList(), draft.Skills, draft.Format, imagePosition);
        }

        // Nothing named to swap: ask where the invented object is, grounded on a real box.
        var seen = context.Pick(scene.Objects);
        var ghost = context.Pick(absent);
        var region = DetectionScene.Region(seen) ?? "center";
        return new SourceItem(
            T.WhereLocated(ghost), T.InRegion(ghost, region),
            [new Step(T.GroundingOp(1, ghost), T.AtBox(ghost, seen.Box))],
            [ghost], [AtomicSkills.Grounding], InstructionFormats.Norm, imagePosition);
    }
}
