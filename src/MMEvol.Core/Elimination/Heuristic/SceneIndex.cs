using MMEvol.Core.Model;

namespace MMEvol.Core.Elimination.Heuristic;

/// <summary>One record's detections prepared for the claim checker, with the dataset's vocabulary.</summary>
internal sealed class SceneIndex
{
    public SceneIndex(IReadOnlyList<Detection> detections, Vocabulary vocabulary)
    {
        Objects = detections.Select(DetectedObject.Of).Where(o => o.Label.Length > 0).ToList();
        Vocabulary = vocabulary;
        Detections = detections;
    }

    public IReadOnlyList<Detection> Detections { get; }

    public IReadOnlyList<DetectedObject> Objects { get; }

    public Vocabulary Vocabulary { get; }

    public NounPhrase? Phrase(string text) => NounPhrase.Parse(text, Vocabulary);

    public Referents Resolve(NounPhrase phrase)
    {
        var matches = new List<DetectedObject>();
        var uncertain = false;
        foreach (var o in Objects)
        {
            if (phrase.Noun is not null && o.Parts.Body != phrase.Noun && o.Parts.Head != phrase.Noun)
            {
                continue;
            }

            if (phrase.Color is not null && o.Parts.Color != phrase.Color)
            {
                uncertain |= o.Parts.Color is null;
                continue;
            }

            matches.Add(o);
        }

        return new Referents(matches, uncertain);
    }

    /// <summary>The one detection a phrase like "the red circle" or "a triangle" names; null for anything else.</summary>
    public DetectedObject? Single(string text) =>
        Phrase(text) is { Quantity: not PhraseQuantity.Exact } phrase ? Resolve(phrase).Single : null;
}
