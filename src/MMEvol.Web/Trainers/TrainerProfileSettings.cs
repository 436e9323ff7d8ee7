using MMEvol.Training.External;

namespace MMEvol.Web.Trainers;

/// <summary>One entry of Training:Profiles, named by its key: the bindable side of <see cref="TrainerProfile"/>.</summary>
public sealed class TrainerProfileSettings
{
    public string CommandTemplate { get; set; } = "";
    public string? CancelTemplate { get; set; }
    public string? LogFile { get; set; }
    public string? WorkingDirectory { get; set; }
    public Dictionary<string, string> EnvironmentVariables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Null keeps Slurm's "Submitted batch job N"; an empty string captures no job id.</summary>
    public string? JobIdPattern { get; set; }

    public TrainerProfile ToProfile(string name) => new(name, CommandTemplate)
    {
        CancelTemplate = CancelTemplate,
        LogFile = LogFile,
        WorkingDirectory = WorkingDirectory,
        EnvironmentVariables = new Dictionary<string, string>(EnvironmentVariables, StringComparer.Ordinal),
        JobIdPattern = JobIdPattern ?? TrainerProfile.DefaultJobIdPattern,
    };
}
