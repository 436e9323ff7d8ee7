using System.Globalization;
using System.Text.Json;
using MMEvol.Core.Data;
using MMEvol.Core.Export;
using MMEvol.Core.Formats;
using MMEvol.Core.Import;
using MMEvol.Core.Model;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Demo;

/// <summary>
/// The embedded demo: generates the Shapes world under the data directory, writes its seed set
/// as MMEvol records (caption, detections, seed list) and imports them like any user file, so the
/// demo exercises the same path as real data.
/// </summary>
public static class DemoDataset
{
    public const string DefaultName = "shapes";
    public const string SeedFileName = "seed_records.json";

    /// <summary>One folder per parameter set: another seed or size never overwrites images a dataset uses.</summary>
    public static string Folder(DataDirectory data, ShapesWorldOptions options) => Path.Combine(data.Demo,
        string.Create(CultureInfo.InvariantCulture, $"shapes-seed{options.Seed}-{options.Images}x{options.BenchmarkImages}"));

    public static ShapesWorld Generate(DataDirectory data, ShapesWorldOptions options, IProgress<int>? progress = null)
    {
        var folder = Folder(data, options);
        var world = ShapesWorld.Generate(folder, options, progress);
        AtomicFile.WriteAllBytes(Path.Combine(folder, SeedFileName), SeedRecords(world), durable: true);
        return world;
    }

    public static Task<ImportReport> ImportAsync(WorkbenchDb db, DataDirectory data, ShapesWorld world, string dataset, TimeProvider time,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new Importer(data, time).ImportAsync(db, new ImportOptions(Path.Combine(Path.GetDirectoryName(world.ImageDirectory)!, SeedFileName), dataset)
        {
            ImageRoot = world.ImageDirectory,
            Format = SourceFormat.MMEvol,
            User = "demo",
        }, progress, cancellationToken);

    /// <summary>The seed set in MMEvol's record format, written by the same code as an export.</summary>
    internal static byte[] SeedRecords(ShapesWorld world)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, ExportJson.Options(indented: true)))
        {
            writer.WriteStartArray();
            for (var i = 0; i < world.Records.Count; i++)
                MMEvolRecordWriter.Write(writer, Lineage(i, world.Records[i]), ItemSelection.Kept);
            writer.WriteEndArray();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static RecordLineage Lineage(int index, ShapesRecord shapes)
    {
        var record = new ImageRecord
        {
            SourceId = shapes.Id,
            SourceIndex = index,
            ImagePath = shapes.ImageFile,
            Caption = shapes.Caption,
            Detections = shapes.Detections.ToList(),
            HashId = string.Create(CultureInfo.InvariantCulture, $"{index}_{shapes.ImageFile.Replace('/', '_')}"),
            Fingerprint = "",
        };
        var seed = new EvolutionRound
        {
            Number = 0,
            Direction = Direction.Seed,
            Items = shapes.Questions.Select((q, i) => new Instruction { Index = i, Question = q.Question, Answer = q.Answer }).ToList(),
        };
        return new RecordLineage(record, [seed]);
    }
}
