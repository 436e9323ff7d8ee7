namespace MMEvol.Core.Evolution.Offline;

/// <summary>A sentence with one word left out, the claim it makes filled in, and a wrong filling.</summary>
internal sealed record Blank(string Sentence, string Word, string Claim, string WrongWord, string WrongClaim, Action<StepLog> Steps);
