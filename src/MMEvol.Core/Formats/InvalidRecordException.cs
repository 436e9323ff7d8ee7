namespace MMEvol.Core.Formats;

/// <summary>Thrown by the readers for one bad field; the importer turns it into a <see cref="RecordError"/>.</summary>
public sealed class InvalidRecordException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}
