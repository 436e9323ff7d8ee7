namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Something the boxes decide: the working that shows it, the claim sentences that state it and
/// the claims a model that got it wrong would write instead (null where no wrong version reads
/// naturally). <see cref="Winner"/> is the object a "which one" question picks.
/// </summary>
internal sealed record Fact(
    IReadOnlyList<string> Work,
    IReadOnlyList<string> Claims,
    IReadOnlyList<string>? Wrong,
    GroundedObject? Winner = null)
{
    public string Conclusion => OfflineTemplates.Conclusion(Claims[^1]);
}
