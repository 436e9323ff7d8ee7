namespace MMEvol.Core.Formats;

/// <summary>Why one record of a file was refused: which record, which field, what is wrong with it.</summary>
public sealed record RecordError(int Index, string? Id, string Field, string Reason)
{
    public override string ToString() =>
        $"record {Index}{(Id is null ? "" : $" (id {Id})")}: {Field}: {Reason}";
}
