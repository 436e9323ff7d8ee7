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
            .Caption("Recs: records with this round; Fail: failed rounds; Score: mean judge score (the reviewer's where corrected); Steps, Skills, Objs: mean per kept item.")
            .AddColumns("Rnd", "Direction", "Recs", "Fail", "Items", "Kept", "Kept%", "Score", "Steps", "Skills", "Objs");
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
                $"{r.Kept:N0}",
                (r.KeptShare * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
                Figure(r.MeanScore),
                Figure(r.StepsPerKeptItem),
                Figure(r.SkillsPerKeptItem),
                Figure(r.ObjectsPerKeptItem));
        console.Write(table);
    }

    private static string Figure(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";
}
