using Microsoft.Extensions.Options;

namespace MMEvol.Core.Jobs;

internal sealed class JobOptionsValidator : IValidateOptions<JobOptions>
{
    public ValidateOptionsResult Validate(string? name, JobOptions options)
    {
        var failures = new List<string>();
        if (options.LeaseDuration <= TimeSpan.Zero)
            failures.Add($"{JobOptions.Section}:LeaseDuration must be positive.");
        if (options.HeartbeatInterval <= TimeSpan.Zero)
            failures.Add($"{JobOptions.Section}:HeartbeatInterval must be positive.");
        // Two heartbeats per lease: one late or failed heartbeat must not hand a live job to another worker.
        else if (options.HeartbeatInterval >= options.LeaseDuration / 2)
            failures.Add($"{JobOptions.Section}:HeartbeatInterval ({options.HeartbeatInterval}) must be less than half of LeaseDuration ({options.LeaseDuration}).");
        if (options.PollInterval <= TimeSpan.Zero)
            failures.Add($"{JobOptions.Section}:PollInterval must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
