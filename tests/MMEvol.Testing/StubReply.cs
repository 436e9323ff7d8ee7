namespace MMEvol.Testing;

/// <summary>
/// What <see cref="ChatCompletionsStub"/> answers to one request: a completion, an HTTP error, or a
/// dropped connection, each optionally after a delay (a hung server is a long delay). Replies are
/// immutable: a benchmark can return one instance for every request.
/// </summary>
public sealed record StubReply
{
    private StubReply()
    {
    }

    public int StatusCode { get; private init; } = 200;

    /// <summary>The assistant message of a completion (status 200).</summary>
    public string? Content { get; private init; }

    /// <summary>Usage to report; null leaves the usage object out, as some local servers do.</summary>
    public int? PromptTokens { get; private init; }

    public int? CompletionTokens { get; private init; }

    /// <summary>The raw body of an error reply.</summary>
    public string? Body { get; private init; }

    /// <summary>The Retry-After header, as sent: seconds ("1") or an HTTP date.</summary>
    public string? RetryAfter { get; private init; }

    public bool DropConnection { get; private init; }

    public TimeSpan Delay { get; private init; }

    public static StubReply Completion(string content, int? promptTokens = 10, int? completionTokens = 5) =>
        new() { Content = content, PromptTokens = promptTokens, CompletionTokens = completionTokens };

    public static StubReply Status(int statusCode, string? body = null, string? retryAfter = null) =>
        new() { StatusCode = statusCode, Body = body, RetryAfter = retryAfter };

    /// <summary>Aborts the connection without a response (the client sees a connection reset).</summary>
    public static StubReply Drop() => new() { DropConnection = true };

    /// <summary>The same reply, sent only after <paramref name="delay"/> (or never, if the client gives up first).</summary>
    public StubReply After(TimeSpan delay) => this with { Delay = delay };
}
