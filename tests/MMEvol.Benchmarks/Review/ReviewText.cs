using System.Text;
using System.Text.Json;
using MMEvol.Core.Data;
using MMEvol.Core.Model;

namespace MMEvol.Benchmarks.Review;

/// <summary>
/// Questions and answers of the lengths MMEvol's rounds produce (about 60-200 and 150-700
/// characters, reasoning longest), drawn from a small scene vocabulary so that a word's share of
/// items is known: <see cref="SearchWord"/> one of the objects (about a fifth of items name it),
/// <see cref="RareWord"/> about one item in <see cref="RareOneIn"/>, <see cref="MissingWord"/> none.
/// </summary>
internal sealed class ReviewText(Random random)
{
    public const string SearchWord = "umbrella";

    /// <summary>A word a reviewer hunts for: about a hundred of two million items name it.</summary>
    public const string RareWord = "kaleidoscope";

    public const int RareOneIn = 20_000;

    /// <summary>Words every one of whose trigrams many items hold, which no item holds together.</summary>
    public const string AbsentPhrase = "kite near the boat";

    /// <summary>Words that few items hold in a row (the sentence with <see cref="RareWord"/>), though each is common.</summary>
    public const string RarePhrase = "lies on the ground";

    /// <summary>Words that many items hold in a row (a sentence of the answers with one colour).</summary>
    public const string CommonPhrase = "is red and stands";

    /// <summary>A word no item contains: a text search that must read every row to fill no page.</summary>
    public const string MissingWord = "giraffe";

    private static readonly string[] Objects =
    [
        "dog", "cat", "bicycle", "car", "bus", "traffic light", "bench", "tree", "person", "kite", "boat", "clock",
        "chair", "table", "cup", "laptop", "book", "vase", "horse", "bird", "train", "sign", "window", "door", SearchWord,
    ];
    private static readonly string[] Colours = ["red", "blue", "green", "yellow", "white", "black", "grey", "orange"];
    private static readonly string[] Places = ["on the left", "on the right", "in the background", "near the centre", "at the top", "below the sign"];
    private static readonly string[] Skills = ["counting", "grounding", "OCR", "spatial relation", "attribute", "commonsense", "comparison"];

    public string Object() => Objects[random.Next(Objects.Length)];

    public (string Question, string Answer, string Steps, string ObjectsJson, string SkillsJson, int StepCount, int ObjectCount, int SkillCount)
        Item(Direction direction)
    {
        var a = Object();
        var b = Object();
        var question = direction switch
        {
            Direction.Seed => $"What colour is the {a} {Place()}?",
            Direction.Perception => $"Looking closely at the {Colour()} {a} {Place()}, how many {b}s can be seen around it, and which of them is closest to the {Object()}?",
            Direction.Reasoning => $"Given the position of the {a} {Place()} and the {Colour()} {b} {Place()}, what is the most likely reason they are arranged this way, " +
                $"and what would change if the {Object()} were moved {Place()}? Explain step by step.",
            _ => $"Imagine you are standing next to the {a}. Describe to a friend how to walk to the {Colour()} {b} {Place()} without touching the {Object()}.",
        };

        var sentences = direction switch { Direction.Seed => random.Next(1, 3), Direction.Reasoning => random.Next(4, 8), _ => random.Next(2, 5) };
        var answer = new StringBuilder();
        for (var s = 0; s < sentences; s++)
        {
            if (s > 0)
                answer.Append(' ');
            answer.Append(random.Next(4) switch
            {
                0 => $"The {a} is {Colour()} and stands {Place()}, partly hidden by the {Object()}.",
                1 => $"There are {random.Next(1, 6)} {b}s in view; the nearest one is {Place()}.",
                2 => $"Because the {Object()} blocks the light, the {b} {Place()} looks darker than the {Colour()} {a}.",
                _ => $"So the answer is the {Colour()} {b}, which is {Place()} next to the {Object()}.",
            });
        }

        if (random.Next(RareOneIn) == 0)
            answer.Append($" A {RareWord} {RarePhrase}.");

        var steps = direction == Direction.Reasoning
            ? Enumerable.Range(1, random.Next(2, 5)).Select(i => new Step($"Grounding_{i}({(i == 1 ? a : b)})->bbx_{i}", $"Locate the {(i == 1 ? a : b)}.")).ToList()
            : [];
        var objects = new List<string> { a, b };
        var skills = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Skills[random.Next(Skills.Length)]).Distinct().ToList();
        return (question, answer.ToString(), Json(steps), Json(objects), Json(skills), steps.Count, objects.Count, skills.Count);
    }

    private string Colour() => Colours[random.Next(Colours.Length)];

    private string Place() => Places[random.Next(Places.Length)];

    private static string Json<T>(List<T> values) => JsonSerializer.Serialize(values, JsonColumn.Options);
}
