using MMEvol.Core.Formats;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// What the writers share while one response is written: the scene, the one seeded random, the
/// parent list, and the objects already chosen as targets (so items of a response differ).
/// </summary>
internal sealed class RewriteContext(DetectionScene scene, Random random, IReadOnlyList<SourceItem> parents)
{
    private readonly HashSet<string> _targets = new(StringComparer.Ordinal);

    public DetectionScene Scene { get; } = scene;
    public Random Random { get; } = random;
    public IReadOnlyList<SourceItem> Parents { get; } = parents;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public void Target(string label) => _targets.Add(label);

    public bool IsTargeted(string label) => _targets.Contains(label);

    /// <summary>Whether an item uses an object: lists it, names its label, or names its noun when only it has that noun.</summary>
    public bool Mentions(SourceItem item, GroundedObject target) =>
        item.Objects.Contains(target.Label, StringComparer.Ordinal) ||
        TextSearch.ContainsWord(item.Question, target.Label) || TextSearch.ContainsWord(item.Answer, target.Label) ||
        (Scene.CountNoun(target.Noun) == 1 &&
         (TextSearch.ContainsWord(item.Question, target.Noun) || TextSearch.ContainsWord(item.Answer, target.Noun)));

    /// <summary>The parent's present, uniquely named objects: what a deeper rewrite builds on.</summary>
    public IReadOnlyList<GroundedObject> NamedIn(SourceItem item) =>
        Scene.Named.Where(o => Mentions(item, o)).ToList();
}
