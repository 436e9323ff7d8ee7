using System.Text;

namespace MMEvol.Core.Demo;

/// <summary>
/// One held-out benchmark question with an exact, short answer: "yes"/"no", a number in digits,
/// a color word, "left"/"right"/"top"/"bottom", an object label, or a choice letter A-D.
/// </summary>
/// <param name="Image">The image file, relative to the benchmark image folder.</param>
/// <param name="Category">One of <see cref="BenchmarkCategories"/>.</param>
/// <param name="Sampling">One of <see cref="PopeSamplings"/> for existence questions, else null.</param>
/// <param name="Choices">The options of a multiple-choice question, in letter order; else null.</param>
public sealed record BenchmarkItem(
    string Id,
    string Image,
    string Category,
    string? Sampling,
    string Question,
    string Answer,
    IReadOnlyList<string>? Choices)
{
    public static string Letter(int index) => ((char)('A' + index)).ToString();

    /// <summary>The question as shown to a model: with its lettered options when it has choices.</summary>
    public string Prompt()
    {
        if (Choices is not { Count: > 0 })
        {
            return Question;
        }

        var text = new StringBuilder(Question);
        for (var i = 0; i < Choices.Count; i++)
        {
            text.Append('\n').Append(Letter(i)).Append(". ").Append(Choices[i]);
        }

        return text.ToString();
    }
}
