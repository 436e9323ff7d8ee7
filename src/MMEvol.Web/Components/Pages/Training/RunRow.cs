using System.Text.Json;
using MMEvol.Core.Model;
using MMEvol.Training.Evaluation;

namespace MMEvol.Web.Components.Pages.Training;

/// <summary>A run as the comparison table shows it: its row and its benchmark outcome, read once.</summary>
public sealed record RunRow(TrainingRun Run, BenchmarkSummary? Evaluation)
{
    public static RunRow From(TrainingRun run) => new(run, Read(run.Evaluation));

    /// <summary>Enough of the ids hash to tell snapshots apart at a glance.</summary>
    public string ShortHash => Run.SnapshotHash.Length > 12 ? Run.SnapshotHash[..12] : Run.SnapshotHash;

    public double? Accuracy(string category) => Evaluation?.Categories.FirstOrDefault(c => c.Category == category)?.Accuracy;

    public double? PopeF1(string sampling) => Evaluation?.Pope.FirstOrDefault(p => p.Sampling == sampling)?.F1;

    /// <summary>Every category and POPE sampling that some run was scored on, in a stable order.</summary>
    public static (IReadOnlyList<string> Categories, IReadOnlyList<string> Samplings) Columns(IEnumerable<RunRow> rows)
    {
        var scored = rows.Select(r => r.Evaluation).OfType<BenchmarkSummary>().ToList();
        return ([.. scored.SelectMany(e => e.Categories).Select(c => c.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. scored.SelectMany(e => e.Pope).Select(p => p.Sampling).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    // An evaluation written by another version, or damaged by hand, leaves the figures blank rather than the page broken.
    private static BenchmarkSummary? Read(string? json)
    {
        try
        {
            return BenchmarkSummary.FromJson(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
