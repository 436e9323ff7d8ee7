using System.Text.RegularExpressions;
using MMEvol.Core.Demo;

namespace MMEvol.Core.Tests.Demo;

/// <summary>
/// Recomputes a benchmark answer from the scene model alone, reading the question text, and
/// checks on the way that the question was fair (named objects unique, gaps clear).
/// </summary>
internal static class BenchmarkOracle
{
    private const double Gap = 0.15;

    public static string Answer(Scene scene, BenchmarkItem item)
    {
        if (item.Category == BenchmarkCategories.MultipleChoice)
        {
            Assert.NotNull(item.Choices);
            Assert.Equal(4, item.Choices.Count);
            Assert.Equal(4, item.Choices.Distinct().Count());
            var right = Assert.Single(item.Choices, c => IsRightChoice(scene, item.Question, c));
            return BenchmarkItem.Letter(item.Choices.ToList().IndexOf(right));
        }

        Assert.Null(item.Choices);
        return Open(scene, item.Question);
    }

    private static bool IsRightChoice(Scene scene, string question, string choice) => question switch
    {
        "Which of these objects is in the picture?" => scene.Objects.Any(o => o.Label == choice),
        "How many shapes are in the picture?" => choice == scene.Objects.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "Which object is the largest in the picture?" => scene.Objects.Count(o => o.Label == choice) == 1 &&
            scene.Objects.Where(o => o.Label != choice).All(o => o.Size < DemoWorlds.Find(scene, choice).Size),
        _ => Open(scene, question) == choice,
    };

    private static string Open(Scene scene, string q)
    {
        Match m;
        if ((m = Regex.Match(q, "^Is there an? (.+) in the image\\?$")).Success)
            return YesNo(scene.Objects.Any(o => o.Label == m.Groups[1].Value));
        if ((m = Regex.Match(q, "^How many (\\w+) shapes are there in the image\\?$")).Success)
            return Count(scene.Objects.Count(o => Word(o.Color) == m.Groups[1].Value));
        if ((m = Regex.Match(q, "^How many (\\w+) (\\w+) are there in the image\\?$")).Success)
            return Count(scene.Objects.Count(o => Word(o.Color) == m.Groups[1].Value && Plural(o.Shape) == m.Groups[2].Value));
        if ((m = Regex.Match(q, "^How many (\\w+) are there in the image\\?$")).Success)
            return Count(scene.Objects.Count(o => Plural(o.Shape) == m.Groups[1].Value));
        if ((m = Regex.Match(q, "^What color is the (\\w+)\\?$")).Success)
            return Word(Assert.Single(scene.Objects, o => Word(o.Shape) == m.Groups[1].Value).Color);
        if ((m = Regex.Match(q, "^Is the (.+) to the left of the (.+)\\?$")).Success)
            return YesNo(ClearlyBefore(X(scene, m, 1), X(scene, m, 2)));
        if ((m = Regex.Match(q, "^Is the (.+) above the (.+)\\?$")).Success)
            return YesNo(ClearlyBefore(Y(scene, m, 1), Y(scene, m, 2)));
        if ((m = Regex.Match(q, "^Is the (.+) on the left or the right side of the picture\\?$")).Success)
            return Side(X(scene, m, 1), "left", "right");
        if ((m = Regex.Match(q, "^Is the (.+) in the top or the bottom half of the picture\\?$")).Success)
            return Side(Y(scene, m, 1), "top", "bottom");
        if ((m = Regex.Match(q, "^Is the (.+) larger than the (.+)\\?$")).Success)
        {
            var (a, b) = (DemoWorlds.Find(scene, m.Groups[1].Value), DemoWorlds.Find(scene, m.Groups[2].Value));
            Assert.NotEqual(a.Size, b.Size);
            return YesNo(a.Size > b.Size);
        }

        if ((m = Regex.Match(q, "^Which is further left, the (.+) or the (.+)\\?$")).Success)
            return ClearlyBefore(X(scene, m, 1), X(scene, m, 2)) ? m.Groups[1].Value : m.Groups[2].Value;
        if ((m = Regex.Match(q, "^Which is higher in the picture, the (.+) or the (.+)\\?$")).Success)
            return ClearlyBefore(Y(scene, m, 1), Y(scene, m, 2)) ? m.Groups[1].Value : m.Groups[2].Value;
        if ((m = Regex.Match(q, "^Is the (\\w+) the same color as the (\\w+)\\?$")).Success)
        {
            var a = Assert.Single(scene.Objects, o => Word(o.Shape) == m.Groups[1].Value);
            var b = Assert.Single(scene.Objects, o => Word(o.Shape) == m.Groups[2].Value);
            return YesNo(a.Color == b.Color);
        }

        if ((m = Regex.Match(q, "^Are there more (\\w+) than (\\w+) in the image\\?$")).Success)
        {
            var a = scene.Objects.Count(o => Plural(o.Shape) == m.Groups[1].Value);
            var b = scene.Objects.Count(o => Plural(o.Shape) == m.Groups[2].Value);
            Assert.NotEqual(a, b);
            return YesNo(a > b);
        }

        throw new Xunit.Sdk.XunitException($"No oracle for question: {q}");
    }

    // Share of the canvas of a named object's visible center.
    private static double X(Scene scene, Match m, int group) => DemoWorlds.Find(scene, m.Groups[group].Value).Visible.CenterX / scene.Width;

    private static double Y(Scene scene, Match m, int group) => DemoWorlds.Find(scene, m.Groups[group].Value).Visible.CenterY / scene.Height;

    private static bool ClearlyBefore(double a, double b)
    {
        Assert.True(Math.Abs(a - b) >= Gap, $"{a} and {b} are too close to ask");
        return a < b;
    }

    private static string Side(double share, string low, string high)
    {
        Assert.False(share is > 0.4 and < 0.6, $"{share} is too central to ask");
        return share <= 0.4 ? low : high;
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Word(ShapeColor color) => color.ToString().ToLowerInvariant();

    private static string Word(ShapeKind shape) => shape.ToString().ToLowerInvariant();

    private static string Plural(ShapeKind shape) => shape == ShapeKind.Cross ? "crosses" : Word(shape) + "s";
}
