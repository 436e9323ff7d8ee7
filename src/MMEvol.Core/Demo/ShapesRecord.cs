using MMEvol.Core.Model;

namespace MMEvol.Core.Demo;

/// <summary>One training image of the Shapes world with its caption, detections and seed questions.</summary>
/// <param name="ImageFile">Relative to <see cref="ShapesWorld.ImageDirectory"/>, e.g. "shapes_000001.png".</param>
public sealed record ShapesRecord(
    string Id,
    string ImageFile,
    string Caption,
    IReadOnlyList<Detection> Detections,
    IReadOnlyList<ShapesQuestion> Questions,
    Scene Scene);
