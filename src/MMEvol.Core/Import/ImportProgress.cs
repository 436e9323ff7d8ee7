namespace MMEvol.Core.Import;

/// <summary>Bytes of the file read so far (the record count is unknown until the end of a stream).</summary>
public sealed record ImportProgress(long BytesRead, long BytesTotal, int Records, int Imported, int Refused);
