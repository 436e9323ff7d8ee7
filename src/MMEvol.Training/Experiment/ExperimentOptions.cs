using MMEvol.Core;
using MMEvol.Training.Probe;

namespace MMEvol.Training.Experiment;

/// <summary>
/// The experiment's design, fixed before it runs (issue 7): the paper's main claim and its elimination
/// ablation in miniature. Every arm trains the same probe with the same settings for the same number of
/// steps; only the data differs.
/// </summary>
public sealed record ExperimentOptions
{
    public int TrainingImages { get; init; } = 2_000;
    public int BenchmarkImages { get; init; } = 500;
    public int Rounds { get; init; } = 3;
    public IReadOnlyList<double> FaultRates { get; init; } = [0.15, 0.40];
    /// <summary>How many times the whole experiment runs, with seeds <see cref="FirstSeed"/>, +1, ...: worlds, evolution and training all change.</summary>
    public int Seeds { get; init; } = 1;
    public int FirstSeed { get; init; } = 1;

    /// <summary>Sized so that one seed's five arms train in about ten minutes on two cores.</summary>
    public ProbeOptions Probe { get; init; } = new()
    {
        ImageSize = 32,
        Width = 128,
        Layers = 2,
        Heads = 4,
        MaxTextTokens = 64,
        Steps = 400,
        BatchSize = 64,
        LearningRate = 2e-3,
        ReportEvery = 50,
        CheckpointEvery = 100_000,
    };

    /// <exception cref="WorkbenchException">A setting is out of range; the message names it (a user's typo gets one line, not a trace).</exception>
    public void Validate()
    {
        if (TrainingImages < 10 || BenchmarkImages < 10)
            throw new WorkbenchException("The experiment needs at least 10 training and 10 benchmark images.");
        if (Rounds is < 1 or > 10)
            throw new WorkbenchException($"Experiment: rounds {Rounds}: 1 to 10.");
        if (FaultRates.Count == 0 || FaultRates.Any(f => f is < 0 or > 1))
            throw new WorkbenchException("Experiment: fault rates: at least one, each from 0 to 1.");
        if (Seeds is < 1 or > 20)
            throw new WorkbenchException($"Experiment: seeds {Seeds}: 1 to 20.");
        try
        {
            Probe.Validate();
        }
        catch (ArgumentException e)
        {
            throw new WorkbenchException(e.Message);
        }
    }
}
