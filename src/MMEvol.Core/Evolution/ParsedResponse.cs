using MMEvol.Core.Formats;

namespace MMEvol.Core.Evolution;

/// <summary>
/// The items a model's answer held (with each one's position in the answer's list), the items
/// that had to be dropped and why, or why nothing could be read at all (<see cref="Error"/>).
/// </summary>
public sealed record ParsedResponse(IReadOnlyList<SourceItem> Items, IReadOnlyList<int> Positions, IReadOnlyList<string> Dropped, string? Error)
{
    public bool Usable => Error is null && Items.Count > 0;

    public static ParsedResponse Failure(string error) => new([], [], [], error);
}
