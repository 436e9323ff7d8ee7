using System.Net;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Polly.Timeout;

namespace MMEvol.Core.Llm;

/// <summary>
/// Turns whatever the SDK stack threw (SK's HttpOperationException around System.ClientModel's
/// ClientResultException around the HttpClient's exception) into one line a user can act on.
/// </summary>
internal static class LlmFailure
{
    public static LlmCallException From(Exception error, CallTrace trace, LlmOptions options, string endpoint, string? secret)
    {
        var attempts = trace.Attempts;
        var plural = attempts == 1 ? "attempt" : "attempts";
        var timeout = Find<TimeoutRejectedException>(error);
        if (timeout is not null && timeout.Timeout >= TimeSpan.FromSeconds(options.TotalTimeoutSeconds))
            return Fail($"gave up when the {options.TotalTimeoutSeconds:0.###} s budget ran out after {attempts} {plural}"
                + (trace.LastFailure is null ? "" : $" (last: {trace.LastFailure})"), null, null);
        if (timeout is not null)
            return Fail($"timed out after {attempts} {plural} ({options.AttemptTimeoutSeconds:0.###} s each)", null, null);

        if (Find<HttpOperationException>(error) is { StatusCode: { } status } http)
        {
            var code = (int)status;
            var what = LlmResilience.Status(status);
            var retried = code is 408 or 429 || code >= 500;
            var detail = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? null : ServerMessage(http.ResponseContent, secret);
            if (trace.RefusedWait is { } wait)
                return Fail($"{what[5..]} from {endpoint}: the server asks to wait {wait.TotalSeconds:0} s, beyond the {options.TotalTimeoutSeconds:0.###} s budget{detail}", code, null);
            return Fail(retried
                ? $"{what[5..]}, retries exhausted after {attempts} {plural}{detail} (from {endpoint})"
                : $"{what} from {endpoint}{detail}", code, null);
        }

        if (Find<HttpRequestException>(error) is { } connection)
            return Fail($"cannot reach {endpoint} after {attempts} {plural}: {Scrub(connection.Message, secret)}", null, connection);
        if (error is OperationCanceledException)
            return Fail($"no answer from {endpoint} within {options.TotalTimeoutSeconds:0.###} s", null, null);
        return Fail($"unexpected answer from {endpoint}: {error.GetType().Name}: {Scrub(error.Message, secret)}", null, null);

        LlmCallException Fail(string message, int? status, Exception? inner) =>
            new($"LLM call to model '{options.Model}' failed: {message}", status, inner);
    }

    private static T? Find<T>(Exception error) where T : Exception
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is T found)
                return found;
        }
        return null;
    }

    /// <summary>The server's own error text (OpenAI's error.message) when it sent one: "model not found" is worth showing.</summary>
    private static string? ServerMessage(string? body, string? secret)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        var text = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var err))
                text = err.ValueKind == JsonValueKind.Object && err.TryGetProperty("message", out var m) ? m.ToString() : err.ToString();
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the raw text, shortened, is still the best clue.
        }
        text = Scrub(text.ReplaceLineEndings(" ").Trim(), secret);
        return text.Length == 0 ? null : ": " + (text.Length > 200 ? text[..200] + "..." : text);
    }

    /// <summary>A server knows the key it was sent and could echo it; nothing it says reaches a message unscrubbed.</summary>
    internal static string Scrub(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);
}
