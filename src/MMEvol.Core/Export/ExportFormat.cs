namespace MMEvol.Core.Export;

public enum ExportFormat
{
    Llava,
    ShareGpt,
    Jsonl,
    MMEvol,
}
