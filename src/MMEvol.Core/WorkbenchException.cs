namespace MMEvol.Core;

/// <summary>A failure the user can act on; hosts show its message as is, in one line, without a stack trace.</summary>
public sealed class WorkbenchException(string message, Exception? inner = null) : Exception(message, inner);
