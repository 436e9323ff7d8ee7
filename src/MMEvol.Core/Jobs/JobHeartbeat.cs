namespace MMEvol.Core.Jobs;

/// <summary>What a heartbeat tells the runner: stop because the user asked, or stop because another worker owns the job now.</summary>
public readonly record struct JobHeartbeat(bool LeaseLost, bool CancelRequested);
