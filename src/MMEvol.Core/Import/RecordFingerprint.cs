using System.Security.Cryptography;
using System.Text.Json;
using MMEvol.Core.Formats;

namespace MMEvol.Core.Import;

/// <summary>
/// Identity of a record's content (id, image path, caption, detections, every list): two records
/// with the same fingerprint are the same record, however many times a file repeats it.
/// </summary>
internal static class RecordFingerprint
{
    public static string Of(SourceRecord record)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(record with { Index = 0 });
        return Convert.ToHexStringLower(SHA256.HashData(canonical).AsSpan(0, 16));
    }
}
