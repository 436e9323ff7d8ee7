using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MMEvol.Core;
using MMEvol.Core.Export;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Training.External;

namespace MMEvol.Training.Jobs;

/// <summary>
/// The external trainer's side of a Train job: export the snapshot into the run folder, run the
/// profile's command with the paths filled in, stream its output into the job log and its loss into
/// the run's curve. A resumed job runs the command again: the trainer resumes itself from what it
/// saved in the output folder (LLaMA-Factory and the HF Trainer do when told to).
/// </summary>
public sealed partial class TrainJobHandler
{
    private async Task RunExternalAsync(JobContext context, TrainSettings settings, TrainerProfile profile, TrainingRun run, string folder, CancellationToken cancellationToken)
    {
        Dataset dataset;
        ExportReport export;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == run.DatasetId, cancellationToken);
            var selection = run.Snapshot switch
            {
                SnapshotKind.Seed => ItemSelection.Seed,
                SnapshotKind.All => ItemSelection.All,
                _ => ItemSelection.Kept,
            };
            var file = Path.Combine(folder, "data", $"snapshot.{(settings.ExportFormat == ExportFormat.Jsonl ? "jsonl" : "json")}");
            export = await Exporter.ExportAsync(db, data, new ExportOptions(dataset.Name, settings.ExportFormat, file)
            {
                Selection = selection,
                AbsoluteImagePaths = true,
            }, null, cancellationToken);
        }
        var paths = new TrainerPaths(export.Out, dataset.ImageRoot ?? data.Images, Path.Combine(folder, "output"))
        {
            // Exporter names the LLaMA-Factory entry this way.
            Dataset = export.DatasetInfo is null ? null : "mmevol_" + dataset.Name,
        };
        await context.LogAsync(LogLevel.Information,
            $"Exported {export.Items:N0} items of {export.Records:N0} records as {settings.ExportFormat}; running trainer profile {profile.Name}.", cancellationToken);

        var log = new BufferedJobLog(context);
        var points = new ConcurrentQueue<TrainingPoint>();
        // Progress is the step reached, of the total the trainer's log states (a tqdm bar, LLaMA-Factory's
        // total_steps), or of no known total until it does.
        var running = ExternalTrainerRun.RunAsync(profile, paths, log.Add, point =>
        {
            points.Enqueue(point);
            context.ReportProgress((int)point.Step, (int)Math.Min(point.TotalSteps ?? 0, int.MaxValue));
        }, cancellationToken: cancellationToken);
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
            await log.FlushAsync();
            await FlushAsync(run.Id, points);
        }

        ExternalTrainerOutcome outcome;
        try
        {
            outcome = await running;
        }
        catch (Exception e)
        {
            await log.FlushAsync();
            await FinishAsync(run.Id, TrainingStatus.Failed, null, e.Message);
            throw;
        }
        await log.FlushAsync();
        var last = outcome.Points.Count > 0 ? outcome.Points[^1] : null;
        await FlushAsync(run.Id, points, (int)(last?.Step ?? 0), last?.Loss, last?.SamplesPerSecond);
        if (outcome.Cancelled)
        {
            await FinishAsync(run.Id, TrainingStatus.Cancelled, null, null);
            cancellationToken.ThrowIfCancellationRequested();
        }
        if (!outcome.Succeeded)
        {
            var error = $"The trainer exited with code {outcome.ExitCode}; its output is in the job log.";
            await FinishAsync(run.Id, TrainingStatus.Failed, null, error);
            throw new WorkbenchException(error);
        }
        await context.LogAsync(LogLevel.Information,
            $"The trainer finished: {outcome.Points.Count:N0} loss point(s), last at step {last?.Step ?? 0:N0} with loss {last?.Loss:0.000}.", cancellationToken);
        await FinishAsync(run.Id, TrainingStatus.Completed, null, null);
    }
}
