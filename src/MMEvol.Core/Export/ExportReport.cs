namespace MMEvol.Core.Export;

public sealed record ExportReport(string Out, int Records, int Items, int SkippedRecords, string? DatasetInfo);
