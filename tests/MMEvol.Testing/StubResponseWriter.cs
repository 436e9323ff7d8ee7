using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MMEvol.Testing;

/// <summary>Writes a <see cref="StubReply"/> in the exact shape of OpenAI's chat-completions responses.</summary>
internal static class StubResponseWriter
{
    public static async Task WriteAsync(HttpResponse response, StubReply reply, int index)
    {
        response.StatusCode = reply.StatusCode;
        if (reply.RetryAfter is not null)
            response.Headers.RetryAfter = reply.RetryAfter;
        if (reply.StatusCode != StatusCodes.Status200OK || reply.Content is null)
        {
            if (reply.Body is null)
                return;
            response.ContentType = reply.Body.TrimStart().StartsWith('{') ? "application/json" : "text/plain";
            await response.WriteAsync(reply.Body);
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(256 + reply.Content.Length * 2);
        using (var json = new Utf8JsonWriter(buffer))
            Completion(json, reply, index);
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory);
    }

    private static void Completion(Utf8JsonWriter json, StubReply reply, int index)
    {
        json.WriteStartObject();
        json.WriteString("id", $"chatcmpl-stub-{index}");
        json.WriteString("object", "chat.completion");
        json.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        json.WriteString("model", "stub-model");
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        json.WriteString("content", reply.Content);
        json.WriteEndObject();
        json.WriteString("finish_reason", "stop");
        json.WriteEndObject();
        json.WriteEndArray();
        if (reply.PromptTokens is { } prompt && reply.CompletionTokens is { } completion)
        {
            json.WriteStartObject("usage");
            json.WriteNumber("prompt_tokens", prompt);
            json.WriteNumber("completion_tokens", completion);
            json.WriteNumber("total_tokens", prompt + completion);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
