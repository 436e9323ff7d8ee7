using MMEvol.Training.External;

namespace MMEvol.Training.Tests.External;

public sealed class TrainerProfileTests
{
    private static readonly TrainerPaths Paths = new("/data/export.json", "/data/images", "/runs/7");

    [Fact]
    public void Preview_AllPlaceholders_QuotesEachValue()
    {
        var profile = new TrainerProfile("llava", "torchrun train.py --data_path {data} --image_folder {images} --output_dir={output}");

        Assert.Equal("torchrun train.py --data_path '/data/export.json' --image_folder '/data/images' --output_dir='/runs/7'", profile.Preview(Paths));
    }

    [Fact]
    public void Preview_LlamaFactoryPlaceholders_FillTheDataFolderAndDatasetEntry()
    {
        var profile = new TrainerProfile("lf", "llamafactory-cli train --dataset_dir {data_dir} --dataset {dataset} --media_dir {images}");

        var preview = profile.Preview(Paths with { Dataset = "mmevol_seeds" });

        Assert.Equal("llamafactory-cli train --dataset_dir '/data' --dataset 'mmevol_seeds' --media_dir '/data/images'", preview);
    }

    [Fact]
    public void Preview_ValueWithQuoteAndDollar_StaysOneLiteralWord()
    {
        var profile = new TrainerProfile("x", "train {data}");

        var preview = profile.Preview(Paths with { Data = "/d/it's $HOME `x`.json" });

        Assert.Equal(@"train '/d/it'\''s $HOME `x`.json'", preview);
    }

    [Fact]
    public void Preview_ShellVariableAndJson_AreLeftAlone()
    {
        var profile = new TrainerProfile("x", """train --gpus ${NGPUS} --cfg '{"a": 1}' {data}""");

        Assert.Equal("""train --gpus ${NGPUS} --cfg '{"a": 1}' '/data/export.json'""", profile.Preview(Paths));
        Assert.Empty(profile.Validate());
    }

    [Fact]
    public void Preview_RelativePaths_BecomeAbsolute()
    {
        var preview = new TrainerProfile("x", "train {output}").Preview(Paths with { Output = "runs/8" });

        Assert.Equal($"train '{Path.GetFullPath("runs/8")}'", preview);
    }

    [Fact]
    public void Validate_SlurmProfile_HasNoProblems()
    {
        var profile = new TrainerProfile("slurm", "sbatch --wait train.sbatch {data} {images} {output}")
        {
            CancelTemplate = "scancel {job}",
            LogFile = "{output}/slurm-{job}.out",
        };

        Assert.Empty(profile.Validate());
    }

    [Theory]
    [InlineData("train {dta}", "CommandTemplate uses {dta}")]
    [InlineData("train {job}", "CommandTemplate uses {job}")]
    [InlineData("  ", "CommandTemplate is empty")]
    [InlineData("train \"{data}\"", "CommandTemplate puts {data} inside quotes")]
    [InlineData("train '--data={data}'", "CommandTemplate puts {data} inside quotes")]
    public void Validate_BadCommand_NamesTheProblem(string command, string problem)
    {
        var problems = new TrainerProfile("p", command).Validate();

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal) && p.StartsWith("Trainer profile 'p':", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_QuotesClosedBeforeThePlaceholder_HasNoProblems()
    {
        Assert.Empty(new TrainerProfile("p", @"echo 'a' ""b\"""" it\'s {data}").Validate());
    }

    [Fact]
    public void Validate_JobWithoutCapture_NamesBothFields()
    {
        var profile = new TrainerProfile("p", "sbatch x") { CancelTemplate = "scancel {job}", LogFile = "slurm-{job}.out", JobIdPattern = null };

        var problems = profile.Validate();

        Assert.Contains(problems, p => p.Contains("CancelTemplate uses {job} but JobIdPattern is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("LogFile uses {job} but JobIdPattern is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OtherBadFields_NamesEach()
    {
        var profile = new TrainerProfile("p", "train")
        {
            CancelTemplate = "kill {pid} {gpu}",
            LogFile = "{pid}.log",
            JobIdPattern = "(unclosed",
            EnvironmentVariables = new Dictionary<string, string> { ["A=B"] = "1" },
        };

        var problems = profile.Validate();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("CancelTemplate uses {gpu}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("LogFile uses {pid}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("JobIdPattern is not a valid regular expression", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("invalid name 'A=B'", StringComparison.Ordinal));
    }

    [Fact]
    public void CancelCommand_JobAndPid_AreFilledAndQuoted()
    {
        var profile = new TrainerProfile("p", "sbatch x") { CancelTemplate = "scancel {job}; kill {pid}; rm -f {output}/lock" };

        Assert.Equal("scancel '4242'; kill '99'; rm -f '/runs/7'/lock", profile.CancelCommand(Paths, "4242", 99));
    }
}
