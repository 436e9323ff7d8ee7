namespace MMEvol.Core.Formats;

/// <summary>What an accepted image file is: its content hash, size in pixels, format and length.</summary>
public sealed record ImageCheck(string FullPath, string Sha256, int Width, int Height, string Format, long Bytes);
