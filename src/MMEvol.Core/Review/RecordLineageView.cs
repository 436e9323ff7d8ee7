using MMEvol.Core.Model;

namespace MMEvol.Core.Review;

/// <summary>
/// A record as the review page shows it: the record (image, caption, detections) and every round
/// in order (failed ones included, with their reason and raw response), each with its items in
/// order. Read-only snapshots: changes go through <see cref="ReviewActions"/>.
/// </summary>
public sealed class RecordLineageView(ImageRecord record, IReadOnlyList<EvolutionRound> rounds)
{
    private readonly Dictionary<long, Instruction> _items = rounds.SelectMany(r => r.Items).ToDictionary(i => i.Id);

    public ImageRecord Record { get; } = record;

    public IReadOnlyList<EvolutionRound> Rounds { get; } = rounds;

    /// <summary>The item this one rewrites, for the word diff; null for seed items and items past the parent list.</summary>
    public Instruction? ParentOf(Instruction item) =>
        item.ParentItemId is { } id ? _items.GetValueOrDefault(id) : null;
}
