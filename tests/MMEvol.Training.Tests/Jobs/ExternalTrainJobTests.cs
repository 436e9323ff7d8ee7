using Microsoft.EntityFrameworkCore;
using MMEvol.Core.Export;
using MMEvol.Core.Model;
using MMEvol.Training.External;
using MMEvol.Training.Jobs;

namespace MMEvol.Training.Tests.Jobs;

public sealed class ExternalTrainJobTests
{
    [Fact]
    public async Task TrainJob_ExternalProfile_ExportsRunsTheCommandAndDrawsItsLoss()
    {
        await using var host = await TrainingHost.CreateAsync(images: 12);
        var script = Script(host, """
            test -f "$1" || { echo "no data file: $1"; exit 9; }
            echo "records in export: $(grep -c '"messages"' "$1")"
            for i in 1 2 3 4; do echo "{'loss': 2.$i, 'learning_rate': 1e-05, 'epoch': 0.$i}"; done
            mkdir -p "$2" && echo done > "$2/model.txt"
            """);
        var settings = new TrainSettings
        {
            DatasetId = host.DatasetId,
            Snapshot = SnapshotKind.Kept,
            Trainer = "fake",
            External = new TrainerProfile("fake", $"bash {script} {{data}} {{output}}"),
            ExportFormat = ExportFormat.ShareGpt,
        };
        var finished = await host.TrainAsync(settings);

        Assert.True(finished.State == JobState.Succeeded, string.Join("\n", finished.Log.Select(l => l.Message)));
        await using var db = host.Open();
        var run = await db.TrainingRuns.Include(r => r.Metrics).SingleAsync();
        Assert.Equal(("fake", TrainingStatus.Completed), (run.Trainer, run.Status));
        Assert.Equal([2.1, 2.2, 2.3, 2.4], run.Metrics.OrderBy(m => m.Step).Select(m => m.Loss!.Value));
        Assert.Equal(4, run.Step);
        Assert.Contains(finished.Log, l => l.Message == "records in export: 12");
        Assert.True(File.Exists(Path.Combine(host.Data.Runs, run.RunFolder!, "output", "model.txt")));
        Assert.True(File.Exists(Path.Combine(host.Data.Runs, run.RunFolder!, "data", "dataset_info.json")));
    }

    [Fact]
    public async Task TrainJob_TrainerStatesItsTotal_RunAndJobShowProgressOfIt()
    {
        await using var host = await TrainingHost.CreateAsync(images: 6);
        var script = Script(host, """
            for i in 1 2 3; do echo "{\"current_steps\": $((i * 10)), \"total_steps\": 30, \"loss\": 1.$i, \"lr\": 1e-05}"; done
            """);
        var settings = new TrainSettings
        {
            DatasetId = host.DatasetId,
            Snapshot = SnapshotKind.Kept,
            Trainer = "fake",
            External = new TrainerProfile("fake", $"bash {script}"),
        };
        var finished = await host.TrainAsync(settings);

        Assert.True(finished.State == JobState.Succeeded, string.Join("\n", finished.Log.Select(l => l.Message)));
        await using var db = host.Open();
        var run = await db.TrainingRuns.SingleAsync();
        Assert.Equal((30, 30), (run.Step, run.TargetSteps));
        Assert.Equal((30, 30), (finished.Done, finished.Total));
    }

    [Fact]
    public async Task TrainJob_ExternalCommandFails_RunAndJobFailedWithTheExitCode()
    {
        await using var host = await TrainingHost.CreateAsync(images: 6);
        var settings = new TrainSettings
        {
            DatasetId = host.DatasetId,
            Trainer = "broken",
            External = new TrainerProfile("broken", "echo 'CUDA out of memory' >&2; exit 3"),
        };
        var finished = await host.TrainAsync(settings);

        Assert.Equal(JobState.Failed, finished.State);
        Assert.Contains("exited with code 3", finished.Error);
        Assert.Contains(finished.Log, l => l.Message.Contains("CUDA out of memory", StringComparison.Ordinal));
        await using var db = host.Open();
        Assert.Equal(TrainingStatus.Failed, (await db.TrainingRuns.SingleAsync()).Status);
    }

    [Fact]
    public void Settings_ExternalWithAFilterSnapshot_Refused()
    {
        var settings = new TrainSettings
        {
            DatasetId = 1,
            Snapshot = SnapshotKind.Filter,
            Filter = new Core.Review.ReviewFilter(1),
            Trainer = "x",
            External = new TrainerProfile("x", "true"),
        };

        var error = Assert.Throws<Core.WorkbenchException>(settings.Validate);

        Assert.Contains("filter snapshot trains the probe only", error.Message);
    }

    private static string Script(TrainingHost host, string body)
    {
        var path = Path.Combine(host.Data.Root, "fake-trainer.sh");
        File.WriteAllText(path, body.ReplaceLineEndings("\n") + "\n");
        return path;
    }
}
