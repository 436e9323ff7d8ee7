using System.Diagnostics;

namespace MMEvol.Core.Llm;

/// <summary>
/// What the attempts of one call saw, so that the final error can say how many were made and why the
/// last retried one failed. It rides on an AsyncLocal from <see cref="LlmClient"/> down into the
/// HttpClient's handlers, because the OpenAI SDK builds the request and gives us no other hook.
/// </summary>
internal sealed class CallTrace
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _attempts;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Requests actually sent (a retry that the budget cut short during its wait is not one).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public string? LastFailure { get; private set; }

    /// <summary>Set when the server asked for a wait longer than what is left of the budget.</summary>
    public TimeSpan? RefusedWait { get; set; }

    public void Sending() => Interlocked.Increment(ref _attempts);

    public void Retried(string failure) => LastFailure = failure;
}
