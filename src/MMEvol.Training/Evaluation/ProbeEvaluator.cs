using MMEvol.Core.Demo;
using MMEvol.Training.Probe;
using TorchSharp;
using static TorchSharp.torch;

namespace MMEvol.Training.Evaluation;

/// <summary>
/// Asks a trained probe the benchmark's questions. A closed-type question is answered in one forward
/// pass by the most likely allowed answer at the answer position (as yes/no and multiple-choice
/// benchmarks score a model); a free-form one by greedy decoding until [eos].
/// </summary>
public static class ProbeEvaluator
{
    public static BenchmarkResult Evaluate(TrainedProbe probe, IReadOnlyList<BenchmarkItem> items, string imageDirectory,
        int batchSize = 64, int maxAnswerTokens = 12, CancellationToken cancellationToken = default)
    {
        var pixels = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var file in items.Select(i => i.Image).Distinct(StringComparer.Ordinal))
            pixels[file] = ImagePixels.Load(Path.Combine(imageDirectory, file), probe.Options.ImageSize);

        var answers = new ItemAnswer[items.Count];
        var order = Enumerable.Range(0, items.Count).ToList();
        using var noGrad = no_grad();
        foreach (var batch in order.Where(i => AnswerSets.For(items[i]) is not null).Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var given = ChooseClosed(probe, batch.Select(i => items[i]).ToList(), pixels);
            for (var k = 0; k < batch.Length; k++)
                answers[batch[k]] = Answer(items[batch[k]], given[k], closed: true);
        }
        foreach (var batch in order.Where(i => AnswerSets.For(items[i]) is null).Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var given = Decode(probe, batch.Select(i => items[i]).ToList(), pixels, maxAnswerTokens);
            for (var k = 0; k < batch.Length; k++)
                answers[batch[k]] = Answer(items[batch[k]], given[k], closed: false);
        }
        return BenchmarkResult.From(answers);
    }

    private static ItemAnswer Answer(BenchmarkItem item, string given, bool closed) =>
        new(item.Id, item.Category, item.Sampling, item.Answer, given, closed);

    private static string[] ChooseClosed(TrainedProbe probe, IReadOnlyList<BenchmarkItem> items, Dictionary<string, float[]> pixels)
    {
        using var scope = NewDisposeScope();
        var prompts = items.Select(i => Prompt(probe, i)).ToList();
        var logits = Forward(probe, items, pixels, prompts);
        var given = new string[items.Count];
        for (var row = 0; row < items.Count; row++)
        {
            var allowed = AnswerSets.For(items[row])!;
            var atAnswer = logits[row, prompts[row].Count - 1];
            var (best, bestScore) = ("", double.NegativeInfinity);
            foreach (var candidate in allowed)
            {
                // Only an answer the tokenizer knows as one word can be said in one step; an unknown one cannot win.
                if (probe.Tokenizer.SingleId(candidate) is not { } id)
                    continue;
                var score = atAnswer[id].item<float>();
                if (score > bestScore)
                    (best, bestScore) = (candidate, score);
            }
            given[row] = best;
        }
        return given;
    }

    private static string[] Decode(TrainedProbe probe, IReadOnlyList<BenchmarkItem> items, Dictionary<string, float[]> pixels, int maxAnswerTokens)
    {
        var texts = items.Select(i => Prompt(probe, i)).ToList();
        var answerStart = texts.Select(t => t.Count).ToArray();
        var done = new bool[items.Count];
        for (var step = 0; step < maxAnswerTokens && done.Contains(false); step++)
        {
            using var scope = NewDisposeScope();
            var logits = Forward(probe, items, pixels, texts);
            for (var row = 0; row < items.Count; row++)
            {
                if (done[row])
                    continue;
                var next = (int)logits[row, texts[row].Count - 1].argmax().item<long>();
                if (next == WordTokenizer.End || texts[row].Count >= probe.Options.MaxTextTokens + 2)
                    done[row] = true;
                else
                    texts[row].Add(next);
            }
        }
        return texts.Select((t, row) => probe.Tokenizer.Decode(t.Skip(answerStart[row]))).ToArray();
    }

    /// <summary>[bos] question [answer], the question cut so that the answer still fits.</summary>
    private static List<int> Prompt(TrainedProbe probe, BenchmarkItem item)
    {
        var question = probe.Tokenizer.Encode(item.Prompt());
        var room = Math.Max(1, probe.Options.MaxTextTokens - 4);
        return [WordTokenizer.Begin, .. question.Take(room), WordTokenizer.AnswerStart];
    }

    /// <summary>Logits for right-padded texts: causal attention keeps padding from touching any real position.</summary>
    private static Tensor Forward(TrainedProbe probe, IReadOnlyList<BenchmarkItem> items, Dictionary<string, float[]> pixels, IReadOnlyList<List<int>> texts)
    {
        var size = probe.Options.ImageSize;
        var plane = 3 * size * size;
        var length = texts.Max(t => t.Count);
        var imageData = new float[items.Count * plane];
        var textData = new long[items.Count * length];
        for (var row = 0; row < items.Count; row++)
        {
            pixels[items[row].Image].CopyTo(imageData, row * plane);
            for (var t = 0; t < texts[row].Count; t++)
                textData[row * length + t] = texts[row][t];
        }
        var device = TorchDevice.Current;
        using var images = tensor(imageData, [items.Count, 3, size, size]).to(device);
        using var text = tensor(textData, [items.Count, length]).to(device);
        return probe.Model.call(images, text).cpu();
    }
}
