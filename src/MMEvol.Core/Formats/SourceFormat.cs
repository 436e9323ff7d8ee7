namespace MMEvol.Core.Formats;

public enum SourceFormat
{
    Auto,
    Llava,
    MMEvol,
    ShareGpt,
}
