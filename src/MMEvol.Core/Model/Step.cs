namespace MMEvol.Core.Model;

/// <summary>One reasoning step: a visual operation such as "Grounding_1(dog)->bbx_1" and what it does.</summary>
public sealed record Step(string Manipulation, string Description);
