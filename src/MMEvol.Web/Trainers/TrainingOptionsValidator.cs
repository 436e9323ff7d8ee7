using Microsoft.Extensions.Options;
using MMEvol.Training.Jobs;

namespace MMEvol.Web.Trainers;

/// <summary>Every profile must be runnable as written: a typo in a template stops the start, not a run hours later.</summary>
internal sealed class TrainingOptionsValidator : IValidateOptions<TrainingOptions>
{
    public ValidateOptionsResult Validate(string? name, TrainingOptions options)
    {
        var failures = new List<string>();
        foreach (var (profileName, settings) in options.Profiles)
        {
            var key = $"{TrainingOptions.Section}:Profiles:{profileName}";
            if (string.Equals(profileName, TrainSettings.ProbeTrainer, StringComparison.OrdinalIgnoreCase))
                failures.Add($"{key}: \"{TrainSettings.ProbeTrainer}\" names the built-in probe model; give the profile another name.");
            else if (settings is null)
                failures.Add($"{key}: the profile is empty; it needs at least a CommandTemplate.");
            else
                failures.AddRange(settings.ToProfile(profileName).Validate().Select(problem => $"{key}: {problem}"));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
