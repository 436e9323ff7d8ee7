using System.Text.RegularExpressions;
using MMEvol.Core.Demo;

namespace MMEvol.Core.Tests.Demo;

public sealed class SceneDescriberTests
{
    [Fact]
    public void Caption_Scene_NamesTheCountAndEveryObject()
    {
        foreach (var record in DemoWorlds.Training.Take(100))
        {
            var scene = record.Scene;
            Assert.Contains($" {EnglishText.Number(scene.Objects.Count)} shapes", " " + record.Caption.ToLowerInvariant());
            Assert.All(scene.Objects, o => Assert.Contains($"{ShapeVocabulary.Word(o.Size)} {o.Label}", record.Caption));
            Assert.Contains(ShapeVocabulary.Word(scene.Background), record.Caption);
        }
    }

    [Fact]
    public void Caption_Templates_VaryAcrossRecords()
    {
        var captions = DemoWorlds.Training.Select(r => r.Caption).ToList();

        Assert.Contains(captions, c => Regex.IsMatch(c, "^A [a-z ]+ picture with "));
        Assert.Contains(captions, c => c.StartsWith("An image showing ", StringComparison.Ordinal));
        Assert.Contains(captions, c => Regex.IsMatch(c, "^[A-Z][a-z]+ shapes on a "));
        Assert.Contains(captions, c => c.Contains(" partly covers the ", StringComparison.Ordinal));
    }

    [Fact]
    public void SeedQuestions_TrainingRecords_OneOrTwoWithCorrectAnswers()
    {
        foreach (var record in DemoWorlds.Training)
        {
            Assert.InRange(record.Questions.Count, 1, 2);
            Assert.Equal(record.Questions.Count, record.Questions.Select(q => q.Question).Distinct().Count());
            Assert.All(record.Questions, q => Assert.Equal(Expected(record.Scene, q.Question), q.Answer));
        }
    }

    // Recomputes each seed answer from the scene model, independently of the writer.
    private static string Expected(Scene scene, string question)
    {
        if (question is "What shapes are in the picture?" or "What shapes can you see in this image?")
        {
            var parts = scene.Objects.GroupBy(o => o.Shape).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => EnglishText.Count(g.Count(), g.Key)).ToList();
            return $"I can see {EnglishText.List(parts)}.";
        }

        if (question == "How many shapes are there in the image?")
        {
            return $"There are {EnglishText.Number(scene.Objects.Count)} shapes.";
        }

        if (question == "What color is the background?")
        {
            return $"The background is {ShapeVocabulary.Word(scene.Background)}.";
        }

        var color = Regex.Match(question, "^What color is the (\\w+)\\?$");
        if (color.Success)
        {
            var only = Assert.Single(scene.Objects, o => ShapeVocabulary.Word(o.Shape) == color.Groups[1].Value);
            return $"The {color.Groups[1].Value} is {ShapeVocabulary.Word(only.Color)}.";
        }

        var where = Regex.Match(question, "^Where is the (.+)\\?$");
        Assert.True(where.Success, question);
        var item = DemoWorlds.Find(scene, where.Groups[1].Value);
        return $"The {item.Label} is {SceneGeometry.RegionPhrase(Region(scene, item))} of the picture.";
    }

    private static string Region(Scene scene, SceneObject item)
    {
        var column = (int)Math.Min(2, Math.Floor(item.Visible.CenterX * 3 / scene.Width));
        var row = (int)Math.Min(2, Math.Floor(item.Visible.CenterY * 3 / scene.Height));
        string[,] names = { { "top left", "top", "top right" }, { "left", "center", "right" }, { "bottom left", "bottom", "bottom right" } };
        return names[row, column];
    }
}
