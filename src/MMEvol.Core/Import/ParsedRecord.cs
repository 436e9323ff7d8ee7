using MMEvol.Core.Formats;

namespace MMEvol.Core.Import;

/// <summary>A record read from the file: valid with its fingerprint, or refused with why.</summary>
internal sealed record ParsedRecord(int Index, string? Id, SourceRecord? Record, string? Fingerprint, RecordError? Error);
