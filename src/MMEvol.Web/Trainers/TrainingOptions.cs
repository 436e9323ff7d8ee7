using MMEvol.Training.External;

namespace MMEvol.Web.Trainers;

/// <summary>The external trainers an Admin may launch from the Training page (section "Training"); none by default.</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>Profile name (what a run records as its trainer) to its command and how to cancel and follow it.</summary>
    public Dictionary<string, TrainerProfileSettings> Profiles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The profiles by name, as a Train job carries them.</summary>
    public IReadOnlyList<TrainerProfile> ToProfiles() =>
        [.. Profiles.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.ToProfile(p.Key))];
}
