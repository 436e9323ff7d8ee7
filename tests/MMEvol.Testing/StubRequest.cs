using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MMEvol.Testing;

/// <summary>
/// One request as <see cref="ChatCompletionsStub"/> received it. Only headers and body bytes are copied
/// on the hot path; text, JSON, messages and images are parsed when a test first asks for them.
/// </summary>
public sealed class StubRequest
{
    private readonly byte[] _body;
    private string? _text;
    private JsonElement? _json;
    private (IReadOnlyList<string> Texts, IReadOnlyList<string> Images)? _messages;

    internal StubRequest(int index, TimeSpan receivedAt, KeyValuePair<string, string>[] headers, byte[] body)
    {
        Index = index;
        ReceivedAt = receivedAt;
        Headers = headers;
        _body = body;
    }

    /// <summary>0 for the first request the stub received, then 1, 2, ...</summary>
    public int Index { get; }

    /// <summary>When it arrived, measured on a monotonic clock from the stub's start.</summary>
    public TimeSpan ReceivedAt { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public string? Authorization => Header("Authorization");

    /// <summary>The raw JSON body.</summary>
    public string Body => _text ??= Encoding.UTF8.GetString(_body);

    public JsonElement Json => _json ??= ParseJson(_body);

    /// <summary>Every text of every message, system and user alike, in order (string contents and text parts).</summary>
    public IReadOnlyList<string> MessageTexts => (_messages ??= ParseMessages(Json)).Texts;

    /// <summary>The URLs of every image_url part (data URLs included), in order.</summary>
    public IReadOnlyList<string> ImageUrls => (_messages ??= ParseMessages(Json)).Images;

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Copies what the request carries before Kestrel recycles its context.</summary>
    internal static async Task<StubRequest> ReadAsync(HttpContext context, int index, TimeSpan receivedAt)
    {
        var request = context.Request;
        var headers = new KeyValuePair<string, string>[request.Headers.Count];
        var i = 0;
        foreach (var header in request.Headers)
            headers[i++] = new(header.Key, header.Value.ToString());
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            if (read.IsCompleted)
            {
                var body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return new StubRequest(index, receivedAt, headers, body);
            }
            // Nothing consumed, everything examined: wake up only when more has arrived.
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static JsonElement ParseJson(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static (IReadOnlyList<string>, IReadOnlyList<string>) ParseMessages(JsonElement json)
    {
        var texts = new List<string>();
        var images = new List<string>();
        if (!json.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            return (texts, images);
        foreach (var message in messages.EnumerateArray())
        {
            if (!message.TryGetProperty("content", out var content))
                continue;
            if (content.ValueKind == JsonValueKind.String)
            {
                texts.Add(content.GetString()!);
                continue;
            }
            if (content.ValueKind != JsonValueKind.Array)
                continue;
            foreach (var part in content.EnumerateArray())
            {
                if (part.TryGetProperty("text", out var text))
                    texts.Add(text.GetString() ?? "");
                else if (part.TryGetProperty("image_url", out var image) && image.TryGetProperty("url", out var url))
                    images.Add(url.GetString() ?? "");
            }
        }
        return (texts, images);
    }
}
