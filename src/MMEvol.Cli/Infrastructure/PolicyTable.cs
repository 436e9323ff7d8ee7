using System.Globalization;
using MMEvol.Core.Model;
using Spectre.Console;

namespace MMEvol.Cli.Infrastructure;

internal static class PolicyTable
{
    public static void Write(IAnsiConsole console, EliminationPolicy policy)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Policy version", policy.Version.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("Keep iff judged improved (paper)", policy.RequireImproved ? "yes" : "[yellow]no[/]");
        grid.AddRow("Minimum score", Gate(policy.MinScore));
        grid.AddRow("Minimum step gain", Gate(policy.MinStepGain));
        grid.AddRow("Minimum skill gain", Gate(policy.MinSkillGain));
        grid.AddRow("Minimum object gain", Gate(policy.MinObjectGain));
        grid.AddRow("Grounded items only", policy.GroundedOnly ? "yes" : "no");
        grid.AddRow("Cheap failure checks", policy.CheapChecks ? "yes" : "no");
        console.Write(grid);
    }

    private static string Gate(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-";
}
