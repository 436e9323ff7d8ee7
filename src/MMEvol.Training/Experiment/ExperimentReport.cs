using System.Globalization;
using System.Text;
using MMEvol.Training.Evaluation;

namespace MMEvol.Training.Experiment;

/// <summary>One arm trained with one seed: its data and its scores on both benchmark splits.</summary>
public sealed record ArmResult(string Arm, string Description, int Seed, int Items, string SnapshotHash,
    BenchmarkSummary Phrasing, BenchmarkSummary Paraphrased, double SamplesPerSecond, double TrainSeconds);

/// <summary>The experiment's outcome, written as a Markdown report: means (and spread with several seeds) per arm.</summary>
public sealed record ExperimentReport(ExperimentOptions Options, IReadOnlyList<ArmResult> Results, double Seconds, int PhrasingItems, int ParaphrasedItems)
{
    public static IReadOnlyList<string> Columns { get; } = ["all", "existence", "color", "position", "counting", "comparison"];

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var seeds = Results.Select(r => r.Seed).Distinct().Count();
        text.AppendLine(CultureInfo.InvariantCulture, $"Shapes world: {Options.TrainingImages:N0} training and {Options.BenchmarkImages:N0} benchmark scenes; {Options.Rounds} rounds of offline evolution judged by the heuristic judge under the default policy; fault rates {string.Join(" and ", Options.FaultRates.Select(f => f.ToString("P0", CultureInfo.InvariantCulture)))}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Every arm: the same probe ({Options.Probe.ImageSize} px, width {Options.Probe.Width}, {Options.Probe.Layers} layers), {Options.Probe.Steps:N0} steps of {Options.Probe.BatchSize}, peak learning rate {Options.Probe.LearningRate.ToString(CultureInfo.InvariantCulture)}. {seeds} seed(s); {Seconds / 60:0.0} minutes in all.");
        text.AppendLine();
        foreach (var (split, items, pick) in new (string, int, Func<ArmResult, BenchmarkSummary>)[]
                 {
                     ("the evolver's phrasings", PhrasingItems, r => r.Phrasing),
                     ("paraphrases in words seen in training", ParaphrasedItems, r => r.Paraphrased),
                 })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Accuracy (%) on {split} ({items:N0} questions){(seeds > 1 ? ", mean ± standard deviation over seeds" : "")}:");
            text.AppendLine();
            text.AppendLine("| Arm | Items | " + string.Join(" | ", Columns) + " | POPE F1 random | popular | adversarial |");
            text.AppendLine("|---|---:|" + string.Concat(Enumerable.Repeat("---:|", Columns.Count + 3)));
            foreach (var arm in Results.GroupBy(r => r.Arm))
            {
                var cells = Columns.Select(c => Cell(arm.Select(r => Accuracy(pick(r), c)).ToList(), 100))
                    .Concat(new[] { "random", "popular", "adversarial" }.Select(s => Cell(arm.Select(r => pick(r).Pope.FirstOrDefault(p => p.Sampling == s)?.F1).ToList(), 1, "0.000")));
                text.AppendLine(CultureInfo.InvariantCulture, $"| {arm.First().Description} | {arm.Average(r => r.Items):N0} | {string.Join(" | ", cells)} |");
            }
            text.AppendLine();
        }
        text.AppendLine(seeds == 1
            ? "One seed: differences under about 10 points are within what another seed could change; run `--seeds 3` or more before reading them."
            : "Differences smaller than the spread are not evidence either way.");
        return text.ToString();
    }

    private static double? Accuracy(BenchmarkSummary summary, string column) =>
        column == "all" ? summary.Accuracy : summary.Categories.FirstOrDefault(c => c.Category == column)?.Accuracy;

    private static string Cell(IReadOnlyList<double?> values, double scale, string format = "0.0")
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value * scale).ToList();
        if (present.Count == 0)
            return "-";
        var mean = present.Average();
        if (present.Count == 1)
            return mean.ToString(format, CultureInfo.InvariantCulture);
        var spread = Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Count - 1));
        return $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {spread.ToString(format, CultureInfo.InvariantCulture)}";
    }
}
