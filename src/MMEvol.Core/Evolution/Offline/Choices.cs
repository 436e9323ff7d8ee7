using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>Lettered options with the right one at a random place, and the answers a right or wrong pick gives.</summary>
internal sealed record Choices(IReadOnlyList<string> Options, int Right, int Wrong)
{
    public const int Count = 4;

    public static Choices Arrange(string right, IEnumerable<string> wrong, Random random)
    {
        var pool = wrong.Where(w => w != right).Distinct(StringComparer.Ordinal).ToList();
        var options = new List<string>();
        while (options.Count < Count - 1 && pool.Count > 0)
        {
            var at = random.Next(pool.Count);
            options.Add(pool[at]);
            pool.RemoveAt(at);
        }

        var index = random.Next(options.Count + 1);
        options.Insert(index, right);
        var other = random.Next(options.Count - 1);
        return new Choices(options, index, other >= index ? other + 1 : other);
    }

    public string Question(string question) => T.WithOptions(question, Options);

    public string Answer => T.Option(Right, Options[Right]);

    /// <summary>A wrong letter, or null when there is only the right option.</summary>
    public string? WrongAnswer => Options.Count > 1 ? T.Option(Wrong, Options[Wrong]) : null;
}
