using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MMEvol.Core;
using MMEvol.Core.Storage;
using MMEvol.Training;

namespace MMEvol.Cli.Infrastructure;

/// <summary>
/// The services a job-running command needs, composed like any host's: the store, the job queue
/// and runner, evolution, judging and training. Logs go to standard error so they never mix with tables.
/// </summary>
internal static class CliHost
{
    public static IHost Build(DataDirectory data, bool runWorker, LogLevel logLevel)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // A command in the foreground shows progress from the job row: renew it often.
            ["Jobs:HeartbeatInterval"] = "00:00:01",
        });
        builder.Configuration.AddEnvironmentVariables("MMEVOL_");
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddWorkbench(data, runWorker);
        builder.Services.AddTraining();
        return builder.Build();
    }
}
