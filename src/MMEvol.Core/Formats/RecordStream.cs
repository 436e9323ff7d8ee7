using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace MMEvol.Core.Formats;

/// <summary>
/// Streams the records of a JSON array file or a JSON Lines file one element at a time, so that a
/// file of any size never sits whole in memory. Malformed JSON throws <see cref="JsonException"/>
/// (with the line for JSON Lines): the caller abandons the whole file.
/// </summary>
public static class RecordStream
{
    public static async IAsyncEnumerable<(int Index, JsonElement Record)> ReadAsync(
        Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffered = stream as BufferedStream ?? new BufferedStream(stream, 1 << 16);
        if (await IsArrayAsync(buffered, cancellationToken))
        {
            var index = 0;
            var options = new JsonSerializerOptions { AllowTrailingCommas = false, MaxDepth = 64 };
            await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(buffered, options, cancellationToken))
                yield return (index++, element);
            yield break;
        }

        using var reader = new StreamReader(buffered, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var line = 0;
        var record = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            JsonElement element;
            try
            {
                using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
                element = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new JsonException($"line {line}: {e.Message}", e);
            }
            yield return (record++, element);
        }
    }

    /// <summary>Looks past a byte-order mark and white space for the first character, then rewinds.</summary>
    private static async Task<bool> IsArrayAsync(BufferedStream stream, CancellationToken cancellationToken)
    {
        var start = stream.CanSeek ? stream.Position : throw new NotSupportedException("Record files must be seekable.");
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        stream.Position = start;
        var span = buffer.AsSpan(0, read);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            span = span[3..];
        foreach (var b in span)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                continue;
            return b == (byte)'[';
        }
        return false;
    }
}
