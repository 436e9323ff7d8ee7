namespace MMEvol.Web.Media;

/// <summary>A record's image file as the store places it; the hash names it for caches.</summary>
internal sealed record RecordImage(int RecordId, string Path, string? Sha256);
