namespace MMEvol.Core.Model;

public enum JobKind
{
    Import,
    Evolve,
    Judge,
    Train,
    Export,

    /// <summary>The first-start demo: generate and import the Shapes world, then queue its evolution.</summary>
    Demo,

    /// <summary>The probe experiment: seed only vs kept vs all evolved items, on fresh Shapes worlds (MMEvol.Training).</summary>
    Experiment,
}
