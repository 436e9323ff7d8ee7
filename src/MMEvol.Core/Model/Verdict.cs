namespace MMEvol.Core.Model;

/// <summary>The judge's view of one rewritten item: improved or not (unknown for imported scores), a 0-10 score, and why.</summary>
public sealed record Verdict(bool? Improved, double? Score, string? Reason, string? Judge);
