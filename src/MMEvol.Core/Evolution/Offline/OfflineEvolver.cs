using MMEvol.Core.Formats;
using MMEvol.Core.Model;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// The embedded default evolver: no network, deterministic for a (record, seed, round), grounded
/// in the record's detections. It rewrites the whole parent list, item i from parent item i, in
/// the request's direction, and answers as a model would: a JSON list of items in MMEvol's
/// schema. A record without detections gets only format rewrites of its own text, whatever the
/// direction. Faults are simulated at <see cref="OfflineEvolverOptions.FaultRate"/> and reported
/// in <see cref="EvolutionResponse.Faults"/>.
/// </summary>
public sealed class OfflineEvolver : IEvolver
{
    public const string ModelName = "offline";
    public const string PromptVersion = "offline-1";

    private readonly double _faultRate;

    public OfflineEvolver(OfflineEvolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _faultRate = options.FaultRate;
    }

    public string Name => ModelName;

    public Task<EvolutionResponse> EvolveAsync(EvolutionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Evolve(request));
    }

    internal EvolutionResponse Evolve(EvolutionRequest request)
    {
        if (request.Direction is not (Direction.Perception or Direction.Reasoning or Direction.Interaction))
            throw new ArgumentOutOfRangeException(nameof(request), request.Direction, "Only the three evolution directions rewrite a list.");

        // A retried round draws anew; the first attempt keeps the seed every earlier run used.
        var key = request.Attempt == 1 ? request.RecordKey : $"{request.RecordKey}#{request.Attempt}";
        var random = new Random(StableSeed.Of(key, request.Seed, request.Round));
        // Drawn first, so that whether a response breaks never depends on its length.
        var broken = random.NextDouble() < _faultRate / 5;
        var context = new RewriteContext(new DetectionScene(request.Detections), random, request.Parents);
        var items = new List<SourceItem>(request.Parents.Count);
        var faults = new List<FaultKind?>(request.Parents.Count);
        foreach (var parent in request.Parents)
        {
            var (item, fault) = FaultInjector.Apply(context, Write(context, request.Direction, parent), parent, _faultRate);
            items.Add(item);
            faults.Add(fault);
        }

        var raw = OfflineJson.Write(items);
        return broken
            ? new EvolutionResponse(JsonBreaker.Break(raw, random), ModelName, PromptVersion, 0, ResponseFault: FaultKind.BrokenJson)
            : new EvolutionResponse(raw, ModelName, PromptVersion, 0, Faults: faults);
    }

    private static Draft Write(RewriteContext context, Direction direction, SourceItem parent) =>
        context.Scene.IsEmpty ? TextOnlyFormats.Write(context, parent) : direction switch
        {
            Direction.Perception => PerceptionWriter.Write(context, parent),
            Direction.Reasoning => ReasoningWriter.Write(context, parent),
            _ => InteractionWriter.Write(context, parent),
        };
}
