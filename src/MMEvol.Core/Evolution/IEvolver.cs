namespace MMEvol.Core.Evolution;

/// <summary>Rewrites one record's list in one direction: the offline evolver or a model behind Semantic Kernel.</summary>
public interface IEvolver
{
    string Name { get; }

    /// <summary>Never throws for a bad answer (that is the parser's business); throws for a call that failed.</summary>
    Task<EvolutionResponse> EvolveAsync(EvolutionRequest request, CancellationToken cancellationToken);
}
