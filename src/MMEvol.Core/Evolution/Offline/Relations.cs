namespace MMEvol.Core.Evolution.Offline;

/// <summary>The four spatial relations, compared by box centers with y growing downward.</summary>
internal static class Relations
{
    public const string LeftOf = OfflineTemplates.LeftOf;
    public const string RightOf = OfflineTemplates.RightOf;
    public const string Above = OfflineTemplates.Above;
    public const string Below = OfflineTemplates.Below;

    public static readonly IReadOnlyList<string> All = [LeftOf, RightOf, Above, Below];

    public static string Opposite(string relation) => relation switch
    {
        LeftOf => RightOf,
        RightOf => LeftOf,
        Above => Below,
        _ => Above,
    };

    public static bool IsHorizontal(string relation) => relation is LeftOf or RightOf;
}
