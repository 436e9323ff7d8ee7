using MMEvol.Core.Elimination;
using MMEvol.Core.Evolution.Offline;

namespace MMEvol.Core.Evolution;

/// <summary>Turns the names in a job's settings into an evolver and a judge; model-backed ones register here too.</summary>
public class EvolverCatalog
{
    public virtual IEvolver Evolver(EvolveSettings settings) => settings.Evolver switch
    {
        "offline" => new OfflineEvolver(new OfflineEvolverOptions { FaultRate = settings.FaultRate }),
        _ => throw new WorkbenchException($"Unknown evolver '{settings.Evolver}' (known: offline)."),
    };

    public virtual IJudge Judge(string name) => name switch
    {
        "heuristic" => new HeuristicJudge(),
        _ => throw new WorkbenchException($"Unknown judge '{name}' (known: heuristic)."),
    };
}
