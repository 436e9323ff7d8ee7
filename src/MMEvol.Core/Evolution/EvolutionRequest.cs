using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution;

/// <summary>
/// Everything an evolver is given for one record in one round (METHOD.md, "The three evolution
/// directions"): the record's caption and detections, its image, the parent list to rewrite and
/// the direction drawn for it.
/// </summary>
/// <param name="RecordKey">Stable identity of the record (its fingerprint): with <paramref name="Seed"/> and the round it seeds any randomness.</param>
/// <param name="ImagePath">Absolute path of the image file, null for a text-only record.</param>
/// <param name="ImageSha256">The image's content hash, which names its prepared copies.</param>
/// <param name="Attempt">2 and up when a failed round is evolved again: a deterministic evolver must not repeat itself.</param>
public sealed record EvolutionRequest(
    string RecordKey,
    int Round,
    Direction Direction,
    string? Caption,
    IReadOnlyList<Detection> Detections,
    string? ImagePath,
    IReadOnlyList<SourceItem> Parents,
    int Seed,
    string? ImageSha256 = null,
    int Attempt = 1);
