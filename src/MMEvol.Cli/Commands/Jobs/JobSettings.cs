using System.ComponentModel;
using MMEvol.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Commands.Jobs;

public sealed class JobSettings : StoreSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The job's number, as `mmevol jobs list` shows it.")]
    public int Id { get; init; }
}
