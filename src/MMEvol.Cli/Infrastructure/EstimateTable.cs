using MMEvol.Core.Evolution;
using Spectre.Console;

namespace MMEvol.Cli.Infrastructure;

internal static class EstimateTable
{
    public static void Write(IAnsiConsole console, EvolutionEstimate estimate)
    {
        var grid = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
        grid.AddRow("Units (record x round) left", $"{estimate.Units:N0}");
        grid.AddRow("Evolver calls", $"{estimate.EvolveCalls:N0}");
        grid.AddRow("Judge calls", $"{estimate.JudgeCalls:N0}");
        grid.AddRow("Input tokens", $"{estimate.PromptTokens:N0}");
        grid.AddRow("Output tokens", $"{estimate.CompletionTokens:N0}");
        grid.AddRow("Estimated cost", $"[green]${estimate.Cost:N2}[/]");
        console.Write(grid);
        console.MarkupLineInterpolated($"[grey]Estimated from the prompts of {estimate.Sample} records; nothing was sent. Real token counts come back from the server and are stored per round.[/]");
    }
}
