using MMEvol.Core.Model;

namespace MMEvol.Core.Export;

/// <summary>Which items of a record an export writes, as DESIGN.md's "Kept" paragraph defines it.</summary>
public static class ExportSelector
{
    public static IReadOnlyList<Instruction> Items(RecordLineage lineage, ItemSelection selection, bool latest)
    {
        if (selection == ItemSelection.Seed)
            return lineage.Rounds.Where(r => r.Number == 0).SelectMany(r => r.Items).ToList();
        if (selection == ItemSelection.All)
            return latest
                ? lineage.Rounds.LastOrDefault(r => r.Items.Count > 0)?.Items ?? []
                : lineage.Rounds.SelectMany(r => r.Items).ToList();
        var kept = lineage.Rounds.Select(r => r.Items.Where(i => i.FinalDecision == Decision.Kept).ToList());
        return latest
            ? kept.LastOrDefault(k => k.Count > 0) ?? []
            : kept.SelectMany(k => k).ToList();
    }

    /// <summary>The items a round contributes to an MMEvol-record export (its <c>conversations_vN</c> list).</summary>
    public static IReadOnlyList<Instruction> RoundItems(EvolutionRound round, ItemSelection selection) =>
        selection == ItemSelection.Kept ? round.Items.Where(i => i.FinalDecision == Decision.Kept).ToList() : round.Items;
}
