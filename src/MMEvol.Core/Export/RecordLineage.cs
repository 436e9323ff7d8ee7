using MMEvol.Core.Model;

namespace MMEvol.Core.Export;

/// <summary>A record with all its rounds in order, each with its items in order.</summary>
public sealed record RecordLineage(ImageRecord Record, IReadOnlyList<EvolutionRound> Rounds);
