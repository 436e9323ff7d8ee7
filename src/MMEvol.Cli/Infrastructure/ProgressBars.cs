using Spectre.Console;

namespace MMEvol.Cli.Infrastructure;

internal static class ProgressBars
{
    public static ProgressColumn[] Columns() =>
    [
        new TaskDescriptionColumn(),
        new ProgressBarColumn(),
        new PercentageColumn(),
        new ElapsedTimeColumn(),
        new RemainingTimeColumn(),
    ];
}
