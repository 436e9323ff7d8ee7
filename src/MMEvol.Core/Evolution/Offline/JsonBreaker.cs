namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// Breaks a response the two ways model output most often breaks: cut off mid-answer (the token
/// limit) or a comma missing between two fields. Neither is something a lenient parser may repair.
/// </summary>
internal static class JsonBreaker
{
    public static string Break(string raw, Random random)
    {
        // A comma that ends a line always separates two values: a string never holds a raw newline.
        var commas = new List<int>();
        for (var at = raw.IndexOf(",\n", StringComparison.Ordinal); at >= 0; at = raw.IndexOf(",\n", at + 1, StringComparison.Ordinal))
            commas.Add(at);
        if (commas.Count > 0 && random.Next(2) == 0)
            return raw.Remove(commas[random.Next(commas.Count)], 1);
        var cut = Math.Max(1, (int)(raw.Length * (0.3 + (0.6 * random.NextDouble()))));
        return raw[..Math.Min(cut, raw.Length - 1)];
    }
}
