namespace MMEvol.Core.Demo;

/// <summary>How big a Shapes world to make. The same options always make the same bytes.</summary>
/// <param name="Images">Training images (the seed set); at least 1, since POPE's samplings rank objects by them.</param>
/// <param name="BenchmarkImages">Held-out benchmark images, drawn from a separate random stream.</param>
/// <param name="CanvasSize">Width and height of every image in pixels, 128 to 2048.</param>
public sealed record ShapesWorldOptions(int Images = 300, int BenchmarkImages = 100, int Seed = 7, int CanvasSize = 256)
{
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Images, 1, nameof(Images));
        ArgumentOutOfRangeException.ThrowIfNegative(BenchmarkImages, nameof(BenchmarkImages));
        ArgumentOutOfRangeException.ThrowIfLessThan(CanvasSize, SceneGenerator.MinCanvas, nameof(CanvasSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(CanvasSize, 2048, nameof(CanvasSize));
    }
}
