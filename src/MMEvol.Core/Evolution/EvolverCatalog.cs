using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution.Llm;
using MMEvol.Core.Evolution.Offline;
using MMEvol.Core.Formats;
using MMEvol.Core.Llm;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Evolution;

/// <summary>
/// Turns the names in a job's settings into an evolver and a judge. Model-backed ones share one
/// client per run (one connection pool, one resilience pipeline), which the caller disposes. The
/// key comes from configuration ("Llm:ApiKey", e.g. MMEVOL_Llm__ApiKey) or else from the
/// environment variable the settings name; it is never part of the settings themselves.
/// </summary>
public sealed class EvolverCatalog(ILoggerFactory loggerFactory, DataDirectory data, IConfiguration configuration)
{
    public LlmClient? Client(LlmOptions? options) =>
        options is null ? null : new LlmClient(options, loggerFactory, configuration["Llm:ApiKey"] is { Length: > 0 } key ? key : null);

    public IEvolver Evolver(EvolveSettings settings, LlmClient? client) => settings.Evolver switch
    {
        "offline" => new OfflineEvolver(new OfflineEvolverOptions { FaultRate = settings.FaultRate }),
        "llm" => new LlmEvolver(client ?? throw NoModel("evolver"), settings.Llm!, PreparedImages.In(data, ImageLimits.Default)),
        _ => throw new WorkbenchException($"Unknown evolver '{settings.Evolver}' (known: offline, llm)."),
    };

    public IJudge Judge(string name, LlmOptions? options, LlmClient? client) => name switch
    {
        "heuristic" => new HeuristicJudge(),
        "llm" => new LlmJudge(client ?? throw NoModel("judge"), options!),
        _ => throw new WorkbenchException($"Unknown judge '{name}' (known: heuristic, llm)."),
    };

    private static WorkbenchException NoModel(string what) =>
        new($"The llm {what} needs a model: pass --model (and --endpoint, --api-key-env).");
}
