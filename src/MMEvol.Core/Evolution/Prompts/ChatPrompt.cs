namespace MMEvol.Core.Evolution.Prompts;

/// <summary>
/// The two messages of one model call and the version of the templates that wrote them. The
/// system message depends only on the direction (or judge variant), so a provider's prompt cache
/// can reuse it; everything about the record goes into the user message.
/// </summary>
/// <param name="Version">A short name plus a hash of the template texts, e.g. "reasoning/v1-3f2a9c1b"; stored on every round.</param>
public sealed record ChatPrompt(string System, string User, string Version);
