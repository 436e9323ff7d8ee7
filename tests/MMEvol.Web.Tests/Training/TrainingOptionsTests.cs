using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MMEvol.Web.Trainers;

namespace MMEvol.Web.Tests.Training;

/// <summary>External trainer profiles from configuration: bound by name, and refused at start when they could not run.</summary>
public sealed class TrainingOptionsTests
{
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] profile)
    {
        var settings = new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["Jobs:RunWorker"] = "false" };
        foreach (var (key, value) in profile)
            settings["Training:Profiles:" + key] = value;
        return settings;
    }

    [Fact]
    public async Task Start_ValidProfile_OfferedByNameWithItsSettings()
    {
        await using var server = WorkbenchServer.Start(Settings(
            ("slurm:CommandTemplate", "sbatch --output={output}/slurm-%j.out train.sh {data}"),
            ("slurm:CancelTemplate", "scancel {job}"),
            ("slurm:LogFile", "{output}/slurm-{job}.out"),
            ("slurm:EnvironmentVariables:HF_HOME", "/scratch/hf")));

        var profile = Assert.Single(server.Services.GetRequiredService<IOptions<TrainingOptions>>().Value.ToProfiles());

        Assert.Equal(("slurm", "scancel {job}", "{output}/slurm-{job}.out"), (profile.Name, profile.CancelTemplate, profile.LogFile));
        Assert.Equal("/scratch/hf", profile.EnvironmentVariables["HF_HOME"]);
        Assert.Equal(MMEvol.Training.External.TrainerProfile.DefaultJobIdPattern, profile.JobIdPattern);
    }

    [Fact]
    public void Start_ProfileWithAnUnknownPlaceholder_FailsNamingTheProfileAndThePlaceholder()
    {
        var error = Assert.Throws<OptionsValidationException>(() => WorkbenchServer.Start(Settings(("broken:CommandTemplate", "train --data {dataset_path}"))));

        Assert.Contains("Training:Profiles:broken", error.Message);
        Assert.Contains("{dataset_path}", error.Message);
    }

    [Fact]
    public void Validate_ProfileNamedProbe_RefusedAsTheBuiltInTrainersName()
    {
        var options = new TrainingOptions { Profiles = { ["probe"] = new() { CommandTemplate = "python train.py {data}" } } };

        var result = new TrainingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("built-in probe", result.FailureMessage);
    }

    [Fact]
    public void Validate_EmptyJobIdPatternWhileCancelUsesTheJobId_Refused()
    {
        var options = new TrainingOptions
        {
            Profiles = { ["slurm"] = new() { CommandTemplate = "sbatch train.sh {data}", CancelTemplate = "scancel {job}", JobIdPattern = "" } },
        };

        var result = new TrainingOptionsValidator().Validate(null, options);

        Assert.Contains("CancelTemplate uses {job} but JobIdPattern is empty", result.FailureMessage);
    }

    [Fact]
    public void Validate_NoProfiles_Succeeds()
    {
        Assert.True(new TrainingOptionsValidator().Validate(null, new TrainingOptions()).Succeeded);
    }
}
