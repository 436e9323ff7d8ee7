using MMEvol.Core.Model;
using MMEvol.Training.Evaluation;
using Spectre.Console;

namespace MMEvol.Cli.Infrastructure;

/// <summary>A training run's provenance and benchmark figures, as `mmevol train` prints them.</summary>
internal static class TrainingTable
{
    public static void Write(IAnsiConsole console, TrainingRun run)
    {
        console.MarkupLineInterpolated(
            $"Run [green]{run.Id}[/] ({run.Name}): {run.Snapshot.ToString().ToLowerInvariant()} snapshot of {run.SnapshotItems:N0} items (ids hash {run.SnapshotHash[..12]}), policy v{run.PolicyVersion}, {run.SnapshotOverrides:N0} override(s); {run.Step:N0} steps, last loss {run.Loss:0.000}, {run.SamplesPerSecond:0} samples/s");
        if (BenchmarkSummary.FromJson(run.Evaluation) is not { } evaluation)
            return;
        var table = new Table().AddColumns("Category", "Items", "Accuracy");
        foreach (var category in evaluation.Categories)
            table.AddRow(category.Category, category.Items.ToString("N0"), category.Accuracy.ToString("P1"));
        table.AddRow("[bold]all[/]", evaluation.Items.ToString("N0"), evaluation.Accuracy.ToString("P1"));
        console.Write(table);
        if (evaluation.Pope.Count == 0)
            return;
        var pope = new Table().AddColumns("POPE sampling", "Accuracy", "Precision", "Recall", "F1", "Yes ratio");
        foreach (var p in evaluation.Pope)
            pope.AddRow(p.Sampling, p.Accuracy.ToString("P1"), p.Precision.ToString("P1"), p.Recall.ToString("P1"), p.F1.ToString("0.000"), p.YesRatio.ToString("P1"));
        console.Write(pope);
    }
}
