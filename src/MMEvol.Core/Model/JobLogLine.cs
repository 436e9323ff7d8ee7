namespace MMEvol.Core.Model;

public sealed class JobLogLine
{
    public long Id { get; set; }
    public int JobId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Level { get; set; }
    public required string Message { get; set; }
}
