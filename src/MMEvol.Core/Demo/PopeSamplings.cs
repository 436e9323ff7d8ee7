namespace MMEvol.Core.Demo;

/// <summary>
/// How POPE picks the absent object of a "no" question: uniformly (random), among the most
/// frequent objects of the training scenes (popular), or among the objects that co-occur most
/// with this scene's objects in the training scenes (adversarial).
/// </summary>
public static class PopeSamplings
{
    public const string Random = "random";
    public const string Popular = "popular";
    public const string Adversarial = "adversarial";

    public static IReadOnlyList<string> All { get; } = [Random, Popular, Adversarial];
}
