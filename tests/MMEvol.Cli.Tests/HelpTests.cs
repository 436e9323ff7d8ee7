using System.ComponentModel;
using System.Reflection;
using Spectre.Console.Cli;

namespace MMEvol.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public void EveryOptionAndArgument_HasADescription()
    {
        var settings = typeof(CliApp).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CommandSettings)));
        var undocumented = settings
            .SelectMany(t => t.GetProperties())
            .Where(p => p.GetCustomAttribute<CommandOptionAttribute>() is not null || p.GetCustomAttribute<CommandArgumentAttribute>() is not null)
            .Where(p => string.IsNullOrWhiteSpace(p.GetCustomAttribute<DescriptionAttribute>()?.Description))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.Empty(undocumented);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("export")]
    [InlineData("stats")]
    public async Task Help_ForEachCommand_ListsDataAndDbOptions(string command)
    {
        using var cli = new CliRun();

        var (code, text) = await cli.RunAsync(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("--data <DIR>", text);
        Assert.Contains("--db <FILE>", text);
    }
}
