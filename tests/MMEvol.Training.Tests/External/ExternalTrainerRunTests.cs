using MMEvol.Core;
using MMEvol.Training.External;

namespace MMEvol.Training.Tests.External;

public sealed class ExternalTrainerRunTests
{
    [Fact]
    public async Task RunAsync_HfTrainerOutput_StreamsLinesAndCountsItsSteps()
    {
        using var harness = new TrainerRunHarness();
        var command = harness.Script("""
            echo "data=$1"
            printf ' 33%%|###       | 1/3 [00:01<00:02,  1.00it/s]\r' >&2
            echo "{'loss': 2.5, 'grad_norm': 3.1, 'learning_rate': 1e-05, 'epoch': 0.33}"
            sleep 0.2
            echo "{'loss': 2.0, 'grad_norm': 2.9, 'learning_rate': 2e-05, 'epoch': 0.67}"
            echo "{'eval_loss': 1.9, 'eval_runtime': 0.5, 'epoch': 0.67}"
            sleep 0.2
            echo "{'loss': 1.5, 'grad_norm': 2.5, 'learning_rate': 3e-05, 'epoch': 1.0}"
            echo "{'train_runtime': 0.6, 'train_samples_per_second': 5.0, 'train_steps_per_second': 5.0, 'train_loss': 2.0, 'epoch': 1.0}"
            echo "warning on stderr" >&2
            """);

        var outcome = await harness.RunAsync(new TrainerProfile("hf", command));

        Assert.True(outcome.Succeeded);
        Assert.Equal(
            [new TrainingPoint(1, 2.5, 1e-05, 0.33), new TrainingPoint(2, 2.0, 2e-05, 0.67), new TrainingPoint(3, 1.5, 3e-05, 1.0)],
            outcome.Points);
        Assert.Equal(outcome.Points, harness.Reported);
        Assert.Contains($"data={harness.Paths.Data}", harness.Lines);
        Assert.Contains("warning on stderr", harness.Lines);
        Assert.Contains(" 33%|###       | 1/3 [00:01<00:02,  1.00it/s]", harness.Lines);
        Assert.Contains(harness.Lines, l => l.StartsWith("{'train_runtime'", StringComparison.Ordinal));
        Assert.Equal("[workbench] the command exited with code 0.", harness.Lines.Last());
    }

    [Fact]
    public async Task RunAsync_LlamaFactoryOutputAndTrainerLog_ReportsEachLoggedStepOnceAtItsRealStep()
    {
        using var harness = new TrainerRunHarness();
        var command = harness.Script("""
            mkdir -p "$3/run"
            log="$3/run/trainer_log.jsonl"
            i=1
            for loss in 2.5 2.0 1.5; do
              echo "{'loss': $loss, 'grad_norm': 3.1, 'learning_rate': ${i}e-05, 'epoch': 0.$i}"
              echo "{\"current_steps\": $((i * 10)), \"total_steps\": 30, \"loss\": $loss, \"lr\": ${i}e-05, \"epoch\": 0.$i, \"percentage\": $((i * 33)), \"elapsed_time\": \"0:00:0$i\", \"remaining_time\": \"0:00:10\"}" >> "$log"
              sleep 0.3
              i=$((i + 1))
            done
            echo '{"current_steps": 30, "total_steps": 30, "eval_loss": 1.7, "epoch": 0.3}' >> "$log"
            printf '{"current_steps": 40, "total_steps": 40, ' >> "$log"
            sleep 0.4
            echo '"loss": 1.25, "lr": 4e-05, "epoch": 0.4}' >> "$log"
            sleep 0.3
            """);

        var outcome = await harness.RunAsync(new TrainerProfile("llamafactory", command));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(
            [new TrainingPoint(10, 2.5, 1e-05, 0.1, TotalSteps: 30), new TrainingPoint(20, 2.0, 2e-05, 0.2, TotalSteps: 30), new TrainingPoint(30, 1.5, 3e-05, 0.3, TotalSteps: 30),
             new TrainingPoint(40, 1.25, 4e-05, 0.4, TotalSteps: 40)],
            outcome.Points);
        Assert.Equal(outcome.Points, harness.Reported);
        Assert.DoesNotContain(harness.Lines, l => l.Contains("current_steps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_BarCountOnStdoutAndTrainerLogForTheSameStep_ReportsTheStepOnce()
    {
        using var harness = new TrainerRunHarness();
        var command = harness.Script("""
            echo "  5%|5         | 10/200 [00:10<03:10,  1.00it/s]{'loss': 2.5, 'learning_rate': 1e-05, 'epoch': 0.05}"
            echo '{"current_steps": 10, "total_steps": 200, "loss": 2.5, "lr": 1e-05, "epoch": 0.05}' >> "$3/trainer_log.jsonl"
            sleep 0.3
            echo '{"current_steps": 20, "total_steps": 200, "loss": 2.25, "lr": 2e-05, "epoch": 0.1}' >> "$3/trainer_log.jsonl"
            sleep 0.3
            echo " 10%|#         | 20/200 [00:20<03:00,  1.00it/s]{'loss': 2.25, 'learning_rate': 2e-05, 'epoch': 0.1}"
            """);

        var outcome = await harness.RunAsync(new TrainerProfile("both", command));

        Assert.Equal([10L, 20L], harness.Reported.Select(p => p.Step));
        Assert.Equal([2.5, 2.25], outcome.Points.Select(p => p.Loss));
    }

    [Fact]
    public async Task RunAsync_TrainerLogLeftByAnEarlierRun_OnlyNewLinesCount()
    {
        using var harness = new TrainerRunHarness();
        Directory.CreateDirectory(harness.Paths.Output);
        File.WriteAllText(harness.OutputFile("trainer_log.jsonl"), "{\"current_steps\": 500, \"loss\": 9.0}\n");
        var command = harness.Script("""
            echo '{"current_steps": 10, "loss": 2.0}' >> "$3/trainer_log.jsonl"
            sleep 0.3
            """);

        var outcome = await harness.RunAsync(new TrainerProfile("rerun", command));

        Assert.Equal([new TrainingPoint(10, 2.0, null)], outcome.Points);
    }

    [Fact]
    public async Task RunAsync_SlurmLogFile_IsFollowedOnceTheJobIdIsKnown()
    {
        using var harness = new TrainerRunHarness();
        var command = harness.Script("""
            echo "Submitted batch job 4242"
            sleep 0.3
            echo "node042: starting" > "$3/slurm-4242.out"
            echo "{'loss': 1.75, 'learning_rate': 1e-05, 'epoch': 0.5}" >> "$3/slurm-4242.out"
            sleep 0.3
            echo "{'loss': 1.5, 'learning_rate': 1e-05, 'epoch': 1.0}" >> "$3/slurm-4242.out"
            sleep 0.3
            """);
        var profile = new TrainerProfile("slurm", command) { CancelTemplate = "scancel {job}", LogFile = "{output}/slurm-{job}.out" };

        var outcome = await harness.RunAsync(profile);

        Assert.Equal("4242", outcome.SchedulerJobId);
        Assert.Equal([new TrainingPoint(1, 1.75, 1e-05, 0.5), new TrainingPoint(2, 1.5, 1e-05, 1.0)], outcome.Points);
        Assert.Contains("node042: starting", harness.Lines);
        Assert.Contains("[workbench] scheduler job 4242", harness.Lines);
    }

    [Fact]
    public async Task RunAsync_CommandFails_ReportsItsExitCode()
    {
        using var harness = new TrainerRunHarness();

        var outcome = await harness.RunAsync(new TrainerProfile("failing", harness.Script("echo 'CUDA out of memory' >&2\nexit 3")));

        Assert.Equal(3, outcome.ExitCode);
        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Cancelled);
        Assert.Contains("CUDA out of memory", harness.Lines);
    }

    [Fact]
    public async Task RunAsync_CommandNotFound_SaysSoInTheLog()
    {
        using var harness = new TrainerRunHarness();

        var outcome = await harness.RunAsync(new TrainerProfile("missing", "no-such-trainer-7f3a {data}"));

        Assert.Equal(127, outcome.ExitCode);
        Assert.Contains(harness.Lines, l => l.StartsWith("[workbench] exit code 127: the shell did not find the command", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PathsWithSpacesQuotesAndDollars_ReachTheScriptIntact()
    {
        using var harness = new TrainerRunHarness(dataFolder: "it's a \"data\" $HOME `x` folder");
        var command = harness.Script("""
            printf 'data=%s\n' "$1"
            printf 'images=%s\n' "$2"
            printf 'args=%s\n' "$#"
            """);

        var outcome = await harness.RunAsync(new TrainerProfile("quoting", command));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains($"data={harness.Paths.Data}", harness.Lines);
        Assert.Contains($"images={harness.Paths.Images}", harness.Lines);
        Assert.Contains("args=3", harness.Lines);
    }

    [Fact]
    public async Task RunAsync_ProfileEnvironmentAndWorkingDirectory_ReachTheCommand()
    {
        using var harness = new TrainerRunHarness();
        var profile = new TrainerProfile("env", harness.Script("echo \"cwd=$(pwd) model=$MODEL unbuffered=$PYTHONUNBUFFERED\""))
        {
            WorkingDirectory = harness.Root,
            EnvironmentVariables = new Dictionary<string, string> { ["MODEL"] = "llava-7b" },
        };

        await harness.RunAsync(profile);

        Assert.Contains($"cwd={harness.Root} model=llava-7b unbuffered=1", harness.Lines);
    }

    [Fact]
    public async Task RunAsync_InvalidProfile_ThrowsWithTheProblem()
    {
        using var harness = new TrainerRunHarness();

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => harness.RunAsync(new TrainerProfile("p", "train {nope}")));

        Assert.Contains("CommandTemplate uses {nope}", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(harness.Paths.Output));
    }

    [Fact]
    public async Task RunAsync_DatasetPlaceholderWithoutADatasetEntry_ThrowsAClearError()
    {
        using var harness = new TrainerRunHarness();

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => harness.RunAsync(new TrainerProfile("lf", "llamafactory-cli train --dataset {dataset}")));

        Assert.Equal("Trainer profile 'lf' uses {dataset}, but this export has no dataset_info.json entry; export as ShareGPT.", error.Message);
    }

    [Fact]
    public async Task RunAsync_MissingWorkingDirectory_ThrowsAClearError()
    {
        using var harness = new TrainerRunHarness();
        var missing = Path.Combine(harness.Root, "nowhere");

        var error = await Assert.ThrowsAsync<WorkbenchException>(() => harness.RunAsync(new TrainerProfile("p", "true") { WorkingDirectory = missing }));

        Assert.Equal($"Trainer profile 'p': the working directory {missing} does not exist.", error.Message);
    }

    [Fact]
    public async Task RunAsync_LogCallbackThrows_StopsTheCommandAndRethrows()
    {
        using var harness = new TrainerRunHarness();
        var pidFile = Path.Combine(harness.Root, "pid");
        var command = harness.Script($"echo $$ > '{pidFile}'\nwhile true; do echo tick; sleep 0.1; done");
        var lines = 0;

        var run = ExternalTrainerRun.RunAsync(new TrainerProfile("p", command), harness.Paths,
            line => { if (++lines == 5) throw new InvalidOperationException("job log is gone"); }, _ => { }, TrainerRunHarness.Fast);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("job log is gone", error.Message);
        Assert.True(await LinuxProcesses.GoneWithinAsync(int.Parse(await harness.FileTextAsync(pidFile))));
    }
}
