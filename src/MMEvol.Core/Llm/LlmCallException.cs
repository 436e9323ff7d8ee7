namespace MMEvol.Core.Llm;

/// <summary>
/// A model call that failed for good (after the retries it deserved). The message says what happened
/// and where, in one line, and never carries the key: it is built from status codes and counts, not
/// from headers, and any server text in it has the key scrubbed.
/// </summary>
public sealed class LlmCallException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The last HTTP status, when the server answered at all.</summary>
    public int? StatusCode { get; } = statusCode;
}
