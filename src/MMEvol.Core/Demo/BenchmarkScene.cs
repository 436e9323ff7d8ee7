namespace MMEvol.Core.Demo;

/// <summary>One held-out benchmark image with its scene and questions.</summary>
internal sealed record BenchmarkScene(string Id, string ImageFile, Scene Scene, IReadOnlyList<BenchmarkItem> Items);
