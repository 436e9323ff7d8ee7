using System.Text.Json;
using Microsoft.Extensions.Logging;
using MMEvol.Core.Jobs;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Training.Experiment;

/// <summary>
/// The experiment as a job (the training page's button): its work folder is runs/experiment-job-{id},
/// so a resumed job finds its worlds, evolved stores and finished arms again; the Markdown report is
/// the job's result.
/// </summary>
public sealed class ExperimentJobHandler(DataDirectory data, ILoggerFactory loggers) : IJobHandler
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public JobKind Kind => JobKind.Experiment;

    public static string Config(ExperimentOptions options) => JsonSerializer.Serialize(options, Json);

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var options = JsonSerializer.Deserialize<ExperimentOptions>(context.Job.Config, Json) ?? new ExperimentOptions();
        var folder = Directory.CreateDirectory(Path.Combine(data.Runs, $"experiment-job-{context.Job.Id}")).FullName;
        var arms = options.Seeds * (1 + 2 * options.FaultRates.Count);
        var log = new BufferedJobLog(context);
        var done = 0;
        var running = new ExperimentRunner(loggers).RunAsync(folder, options, log.Add, cancellationToken,
            _ => context.ReportProgress(Interlocked.Increment(ref done), arms));
        context.ReportProgress(0, arms);
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
            await log.FlushAsync();
        }
        await log.FlushAsync();
        var report = await running;
        var markdown = report.ToMarkdown();
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), markdown, cancellationToken);
        await context.SetResultAsync(JsonSerializer.Serialize(new { report = markdown, folder }, Json), cancellationToken);
    }
}
