using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MMEvol.Training.Probe;

/// <summary>
/// The probe: three stride-2 convolutions turn the downscaled image into a grid of visual tokens,
/// which prefix the text [bos] question [answer] answer [eos]; a small pre-norm causal transformer
/// predicts the next text token. Tiny on purpose: it must learn in minutes on a CPU, and it only
/// needs to rank data snapshots, not to rival a real VLM.
/// </summary>
public sealed class ProbeModel : Module<Tensor, Tensor, Tensor>
{
    private readonly Sequential _encoder;
    private readonly Parameter _visualPositions;
    private readonly Embedding _tokens;
    private readonly Parameter _textPositions;
    private readonly ModuleList<DecoderBlock> _blocks;
    private readonly LayerNorm _norm;
    private readonly Linear _head;
    private readonly int _visualTokens;

    public ProbeModel(ProbeOptions options, int vocabularySize) : base(nameof(ProbeModel))
    {
        var width = options.Width;
        _visualTokens = options.VisualTokens;
        _encoder = Sequential(
            Conv2d(3, 32, 3, stride: 2, padding: 1), GELU(),
            Conv2d(32, 64, 3, stride: 2, padding: 1), GELU(),
            Conv2d(64, width, 3, stride: 2, padding: 1));
        _visualPositions = Parameter(SmallRandom(1, _visualTokens, width));
        _tokens = Embedding(vocabularySize, width);
        _textPositions = Parameter(SmallRandom(1, TextPositions(options), width));
        _blocks = new ModuleList<DecoderBlock>(Enumerable.Range(0, options.Layers).Select(_ => new DecoderBlock(width, options.Heads)).ToArray());
        _norm = LayerNorm(width);
        _head = Linear(width, vocabularySize);
        RegisterComponents();
    }

    /// <summary>
    /// Text positions the model has: the text proper with [bos], [answer] and [eos] around it, rounded
    /// up to a multiple of 8 as batches are (<see cref="ProbeData.Batch"/>).
    /// </summary>
    public static int TextPositions(ProbeOptions options) => (options.MaxTextTokens + 3 + 7) / 8 * 8;

    /// <summary>N(0, 0.02²) values; the Scalar held and disposed here, not left to the garbage collector.</summary>
    private static Tensor SmallRandom(params long[] shape)
    {
        using var scale = 0.02.ToScalar();
        using var values = randn(shape);
        return values.mul(scale);
    }

    /// <param name="images">(batch, 3, size, size) in [-1, 1].</param>
    /// <param name="text">(batch, length) token ids, right-padded.</param>
    /// <returns>(batch, length, vocabulary) logits for the token after each text position.</returns>
    public override Tensor forward(Tensor images, Tensor text)
    {
        using var scope = NewDisposeScope();
        var visual = _encoder.call(images).flatten(2).transpose(1, 2).add(_visualPositions, HeldScalars.One);
        var length = text.shape[1];
        var words = _tokens.call(text).add(_textPositions.narrow(1, 0, length), HeldScalars.One);
        var x = cat([visual, words], 1);
        foreach (var block in _blocks)
            x = block.call(x);
        var logits = _head.call(_norm.call(x.narrow(1, _visualTokens, length)));
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>Pre-norm block: causal self-attention, then a GELU MLP, each added to its input.</summary>
    private sealed class DecoderBlock : Module<Tensor, Tensor>
    {
        private readonly LayerNorm _attentionNorm;
        private readonly Linear _qkv;
        private readonly Linear _projection;
        private readonly LayerNorm _mlpNorm;
        private readonly Sequential _mlp;
        private readonly int _heads;

        public DecoderBlock(int width, int heads) : base(nameof(DecoderBlock))
        {
            _heads = heads;
            _attentionNorm = LayerNorm(width);
            _qkv = Linear(width, 3 * width);
            _projection = Linear(width, width);
            _mlpNorm = LayerNorm(width);
            _mlp = Sequential(Linear(width, 4 * width), GELU(), Linear(4 * width, width));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var (batch, length, width) = (x.shape[0], x.shape[1], x.shape[2]);
            var qkv = _qkv.call(_attentionNorm.call(x)).view(batch, length, 3, _heads, width / _heads).permute(2, 0, 3, 1, 4);
            var attended = functional.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], is_casual: true);
            x = x.add(_projection.call(attended.transpose(1, 2).reshape(batch, length, width)), HeldScalars.One);
            return x.add(_mlp.call(_mlpNorm.call(x)), HeldScalars.One);
        }
    }
}
