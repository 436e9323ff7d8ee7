using TorchSharp;
using static TorchSharp.torch;

namespace MMEvol.Training.Probe;

/// <summary>
/// Samples turned into what the model reads: each distinct image decoded once and kept as floats,
/// each text as [bos] question [answer] answer [eos] token ids. Batches are cut from here.
/// </summary>
public sealed class ProbeData
{
    /// <summary>The label of a position whose next token is not trained on (image, question, padding).</summary>
    public const long Ignored = -100;

    private readonly float[][] _images;
    private readonly EncodedSample[] _samples;
    private readonly int _imageSize;

    private ProbeData(float[][] images, EncodedSample[] samples, int imageSize)
    {
        _images = images;
        _samples = samples;
        _imageSize = imageSize;
    }

    public int Count => _samples.Length;

    /// <summary>Text length (tokens) of sample <paramref name="index"/>: what batches are bucketed by.</summary>
    public int Length(int index) => _samples[index].Tokens.Length;

    public static ProbeData Build(IReadOnlyList<ProbeSample> samples, WordTokenizer tokenizer, ProbeOptions options)
    {
        var paths = samples.Select(s => s.ImagePath).Distinct(StringComparer.Ordinal).ToList();
        var imageIndex = paths.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var images = new float[paths.Count][];
        Parallel.For(0, paths.Count, i => images[i] = ImagePixels.Load(paths[i], options.ImageSize));
        var encoded = samples.Select(s => Encode(s, imageIndex[s.ImagePath], tokenizer, options.MaxTextTokens)).ToArray();
        return new ProbeData(images, encoded, options.ImageSize);
    }

    /// <summary>Images, text ids (right-padded) and next-token labels (answer positions only) of the given samples.</summary>
    public (Tensor Images, Tensor Text, Tensor Labels) Batch(IReadOnlyList<int> indices)
    {
        // Lengths rounded up to a multiple of 8: libtorch's CPU kernels prepare themselves per tensor shape,
        // and a new shape every step (what bucketing otherwise gives) costs more than the padding saved.
        var length = (indices.Max(i => _samples[i].Tokens.Length) + 7) / 8 * 8;
        var pixels = 3 * _imageSize * _imageSize;
        var imageData = new float[indices.Count * pixels];
        var text = new long[indices.Count * length];
        var labels = new long[indices.Count * length];
        Array.Fill(labels, Ignored);
        for (var row = 0; row < indices.Count; row++)
        {
            var sample = _samples[indices[row]];
            _images[sample.Image].CopyTo(imageData, row * pixels);
            var offset = row * length;
            for (var t = 0; t < sample.Tokens.Length; t++)
            {
                text[offset + t] = sample.Tokens[t];
                // The position of [answer] predicts the first answer word; the last answer word predicts [eos].
                if (t >= sample.AnswerAt && t + 1 < sample.Tokens.Length)
                    labels[offset + t] = sample.Tokens[t + 1];
            }
        }
        return (tensor(imageData, [indices.Count, 3, _imageSize, _imageSize]),
            tensor(text, [indices.Count, length]),
            tensor(labels, [indices.Count, length]));
    }

    /// <summary>[bos] question [answer] answer [eos], cut to fit: the answer's tail goes first (and its [eos] with it), then the question's.</summary>
    internal static EncodedSample Encode(ProbeSample sample, int image, WordTokenizer tokenizer, int maxTextTokens)
    {
        var question = tokenizer.Encode(sample.Question);
        var answer = tokenizer.Encode(sample.Answer);
        var room = maxTextTokens;
        var answerRoom = Math.Max(1, Math.Min(answer.Count, room - Math.Min(question.Count, room / 2)));
        var questionRoom = Math.Min(question.Count, room - Math.Min(answer.Count, answerRoom));
        var complete = answer.Count <= answerRoom;
        var tokens = new List<int>(questionRoom + answerRoom + 3) { WordTokenizer.Begin };
        tokens.AddRange(question.Take(questionRoom));
        var answerAt = tokens.Count;
        tokens.Add(WordTokenizer.AnswerStart);
        tokens.AddRange(answer.Take(answerRoom));
        if (complete)
            tokens.Add(WordTokenizer.End);
        return new EncodedSample(image, [.. tokens], answerAt);
    }

    internal sealed record EncodedSample(int Image, int[] Tokens, int AnswerAt);
}
