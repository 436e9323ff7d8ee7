using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MMEvol.Training.Probe;

/// <summary>
/// AdamW (decoupled weight decay, bias-corrected moments) with global-norm gradient clipping, written
/// here rather than taken from TorchSharp 0.107: its optimizers and clip_grad_norm_ pass numbers as
/// implicitly created Scalars that only the garbage collector frees, and a collection during the native
/// call freed one in use ("Unknown scalar type" at step ~230 of a real run). Every Scalar here is held
/// for the whole step and disposed after it, or is one of <see cref="HeldScalars"/>. The moments and the step count save and load exactly.
/// </summary>
public sealed class ProbeOptimizer : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _first;
    private readonly Tensor[] _second;
    private readonly double _beta1 = 0.9, _beta2 = 0.999, _epsilon = 1e-8;

    public ProbeOptimizer(IEnumerable<Parameter> parameters, double weightDecay)
    {
        _parameters = parameters.ToArray();
        WeightDecay = weightDecay;
        using var noGrad = no_grad();
        _first = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _second = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    public double WeightDecay { get; }

    /// <summary>Steps taken so far (the bias corrections depend on it).</summary>
    public long Steps { get; private set; }

    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
            parameter.grad?.zero_();
    }

    /// <summary>Scales the gradients down so that their global L2 norm is at most <paramref name="maxNorm"/>.</summary>
    /// <returns>The norm before clipping.</returns>
    public double ClipGradients(double maxNorm)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var squares = _parameters.Where(p => p.grad is not null).Select(p => p.grad!.mul(p.grad!).sum()).ToList(); // square() makes its 2 implicitly
        if (squares.Count == 0)
            return 0;
        var norm = stack(squares).sum().sqrt().item<float>();
        if (norm > maxNorm)
        {
            using var scale = (maxNorm / (norm + 1e-6)).ToScalar();
            foreach (var parameter in _parameters)
                parameter.grad?.mul_(scale);
        }
        return norm;
    }

    public void Step(double learningRate)
    {
        Steps++;
        var correction1 = 1 - Math.Pow(_beta1, Steps);
        var correction2 = 1 - Math.Pow(_beta2, Steps);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var decay = (1 - learningRate * WeightDecay).ToScalar();
        using var beta1 = _beta1.ToScalar();
        using var oneMinusBeta1 = (1 - _beta1).ToScalar();
        using var beta2 = _beta2.ToScalar();
        using var oneMinusBeta2 = (1 - _beta2).ToScalar();
        using var rootCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var epsilon = _epsilon.ToScalar();
        using var stepSize = (-learningRate / correction1).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i].grad is not { } grad)
                continue;
            _parameters[i].mul_(decay);
            _first[i].mul_(beta1).add_(grad, oneMinusBeta1);
            _second[i].mul_(beta2).addcmul_(grad, grad, oneMinusBeta2);
            var denominator = _second[i].sqrt().div_(rootCorrection2).add_(epsilon, HeldScalars.One);
            _parameters[i].addcdiv_(_first[i], denominator, stepSize);
        }
    }

    public void Save(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(Steps);
        writer.Write(_parameters.Length);
        for (var i = 0; i < _parameters.Length; i++)
        {
            _first[i].Save(writer);
            _second[i].Save(writer);
        }
    }

    public void Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var steps = reader.ReadInt64();
        if (reader.ReadInt32() != _parameters.Length)
            throw new InvalidDataException($"{path}: the optimizer state is for another model shape.");
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            _first[i].Load(reader);
            _second[i].Load(reader);
        }
        Steps = steps;
    }

    public void Dispose()
    {
        foreach (var tensor in _first.Concat(_second))
            tensor.Dispose();
    }
}
