using TorchSharp;

namespace MMEvol.Training.Probe;

/// <summary>
/// Scalars that TorchSharp 0.107 would otherwise make on each call and leave to the garbage collector: the
/// alpha of <c>Tensor + Tensor</c> and of <c>add_(Scalar)</c>. Such a Scalar is unreachable as soon as its
/// handle is passed to native code, so a collection during the call can free it under the running operation
/// (Scalar.h's checks failing, "Unknown scalar type"); a thread that collects without pause makes that happen
/// within a few steps (ScalarLifetimeTests). These live as long as the process.
/// </summary>
internal static class HeldScalars
{
    public static readonly Scalar One = 1.ToScalar();
}
