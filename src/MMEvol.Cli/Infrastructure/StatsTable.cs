using System.Globalization;
using MMEvol.Core.Statistics;
using Spectre.Console;

namespace MMEvol.Cli.Infrastructure;

internal static class StatsTable
{
    public static void Write(IAnsiConsole console, DatasetStats stats)
    {
        // No vertical rules: eleven columns must fit an 80-column terminal.
        var table = new Table().Border(TableBorder.Simple)
            .Title($"{Markup.Escape(stats.Dataset)}: {stats.Records:N0} records ({stats.Images:N0} with an image), {stats.Items:N0} items, {stats.Kept:N0} kept")
            .Caption("Recs: records with this round; Fail: failed rounds; Impr%: judged improved; Score: mean judge score (the reviewer's where corrected); Steps, Skills, Objs: mean per kept item.")
            .AddColumns("R", "Direction", "Recs", "Fail", "Items", "Kept%", "Impr%", "Score", "Steps", "Skills", "Objs");
        foreach (var c in table.Columns)
            c.Padding(0, 0, 1, 0);
        foreach (var c in table.Columns.Skip(2))
            c.RightAligned();
        foreach (var r in stats.Rounds)
            table.AddRow(
                r.Round.ToString(CultureInfo.InvariantCulture),
                r.Direction.ToString(),
                $"{r.Records:N0}",
                $"{r.FailedRounds + r.JudgeFailedRounds:N0}",
                $"{r.Items:N0}",
                Share(r.KeptShare),
                Share(r.ImprovedShare),
                Figure(r.MeanScore),
                Figure(r.StepsPerKeptItem),
                Figure(r.SkillsPerKeptItem),
                Figure(r.ObjectsPerKeptItem));
        console.Write(table);
        if (stats.Faults is { } faults)
            WriteFaults(console, faults);
    }

    private static void WriteFaults(IAnsiConsole console, JudgeQuality faults)
    {
        var table = new Table().Border(TableBorder.Simple)
            .Title("Simulated faults: what the judge caught")
            .Caption($"Clean items: {faults.Clean:N0}, of which {faults.CleanRejected:N0} rejected. Overall precision: {Share(faults.Precision)}. Broken JSON is caught by the parser.")
            .AddColumns("Fault", "Items", "Rejected", "Recall", "Precision");
        foreach (var c in table.Columns.Skip(1))
            c.RightAligned();
        foreach (var k in faults.Kinds)
            table.AddRow(k.Kind.ToString(), $"{k.Total:N0}", $"{k.Rejected:N0}", Share(k.Recall), Share(k.Precision));
        console.Write(table);
    }

    private static string Share(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Figure(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";
}
