using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Interaction rewrites (METHOD.md direction 3): the parent item's subject asked in another
/// real-world format, never the parent's own. The formats the paper leans on most come up
/// three times as often as the rest; formats that need text in the picture or an art style
/// (OCR, art_type ...) have nothing to work on in boxes and are never chosen.
/// </summary>
internal static class InteractionWriter
{
    // A plain parent's own conclusion is restated more often than not; otherwise its subject is asked anew.
    private const double KeepConclusion = 0.6;

    private static readonly (string Format, int Weight, Func<RewriteContext, SourceItem, GroundedObject?, Draft?> Write)[] Writers =
    [
        (ChoiceFormats.MultiChoice, 3, (c, _, s) => ChoiceFormats.WriteMultiChoice(c, s)),
        (StatementFormats.FillInTheBlank, 3, (c, p, s) => Conclusion(c, p, StatementFormats.FillInTheBlank) ?? StatementFormats.WriteFillIn(c, s)),
        (StatementFormats.TextImageMatching, 3, (c, p, s) => Conclusion(c, p, StatementFormats.TextImageMatching) ?? StatementFormats.WriteMatching(c, s)),
        (ChoiceFormats.RegionSelection, 3, (c, _, s) => ChoiceFormats.WriteRegionSelection(c, s)),
        (PairFormats.RelativeDistance, 3, (c, _, s) => PairFormats.WriteRelativeDistance(c, s)),
        (PairFormats.ObjectRegionMatching, 1, (c, _, s) => PairFormats.WriteObjectRegion(c, s)),
        (ChoiceFormats.MissingObjectSelection, 1, (c, _, _) => ChoiceFormats.WriteMissingObject(c)),
        (StatementFormats.InstructionFollowing, 1, (c, _, s) => StatementFormats.WriteInstruction(c, s)),
        (StatementFormats.RationalesGeneration, 1, (c, _, s) => StatementFormats.WriteRationale(c, s)),
    ];

    public static Draft Write(RewriteContext context, SourceItem parent)
    {
        if (context.Scene.IsEmpty)
            return TextOnlyFormats.Write(context, parent);
        var subject = Subject(context, parent);
        var usable = Writers.Where(w => w.Format != parent.Format).ToList();
        while (usable.Count > 0)
        {
            var roll = context.Random.Next(usable.Sum(w => w.Weight));
            var pick = usable.First(w => (roll -= w.Weight) < 0);
            if (pick.Write(context, parent, subject) is { } draft)
                return draft;
            usable.Remove(pick);
        }

        // Instruction following always applies; only a parent already in that format gets here.
        return StatementFormats.WriteFillIn(context, subject)!;
    }

    private static Draft? Conclusion(RewriteContext context, SourceItem parent, string format) =>
        parent.Format == InstructionFormats.Norm && context.Chance(KeepConclusion) ? ConclusionFormats.Write(context, parent, format) : null;

    // The parent's own object when it has a named one, else an object this response has not used yet.
    private static GroundedObject? Subject(RewriteContext context, SourceItem parent)
    {
        var own = context.NamedIn(parent);
        var fresh = context.Scene.Named.OrderBy(o => context.IsTargeted(o.Label)).ThenBy(o => o.Area).Take(2).ToList();
        var subject = own.Count > 0 ? context.Pick(own) : fresh.Count > 0 ? context.Pick(fresh) : null;
        if (subject is not null)
            context.Target(subject.Label);
        return subject;
    }
}
