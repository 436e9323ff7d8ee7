using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MMEvol.Benchmarks.Import;

/// <summary>
/// A LLaVA file of N records (2-3 question/answer turns each) naming N distinct small PNG files,
/// the size of MMEvol's seed set. Made once per size and reused: making it is not what is measured.
/// </summary>
internal sealed record ImportCorpus(string Folder, string File, string Images, int Records, int Items)
{
    public static ImportCorpus Ensure(string root, int records)
    {
        var folder = Path.Combine(root, $"import-{records}");
        var corpus = new ImportCorpus(folder, Path.Combine(folder, "llava.json"), Path.Combine(folder, "images"), records, ItemsFor(records));
        if (System.IO.File.Exists(Path.Combine(folder, "complete")))
            return corpus;

        Console.WriteLine($"Making the corpus once: {records:N0} records and images under {folder} ...");
        Directory.CreateDirectory(corpus.Images);
        Parallel.For(0, records, i =>
        {
            var path = Path.Combine(corpus.Images, ImagePath(i));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var image = new Image<Rgb24>(16, 12, new Rgb24((byte)i, (byte)(i >> 8), (byte)(i >> 16)));
            image[i % 16, 0] = new Rgb24(255, 255, 255);
            image.SaveAsPng(path);
        });

        using (var stream = System.IO.File.Create(corpus.File))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            for (var i = 0; i < records; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", i.ToString("D12", CultureInfo.InvariantCulture));
                writer.WriteString("image", ImagePath(i));
                writer.WriteStartArray("conversations");
                for (var t = 0; t < Turns(i); t++)
                {
                    var (question, answer) = Turn(i, t);
                    writer.WriteStartObject();
                    writer.WriteString("from", "human");
                    writer.WriteString("value", t == 0 ? "<image>\n" + question : question);
                    writer.WriteEndObject();
                    writer.WriteStartObject();
                    writer.WriteString("from", "gpt");
                    writer.WriteString("value", answer);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        System.IO.File.WriteAllText(Path.Combine(folder, "complete"), "");
        return corpus;
    }

    public static string ImagePath(int i) => string.Create(CultureInfo.InvariantCulture, $"{i / 1000:D3}/{i:D7}.png");

    public static int Turns(int i) => 2 + i % 2;

    public static (string Question, string Answer) Turn(int record, int turn) => (
        string.Create(CultureInfo.InvariantCulture, $"Question {turn + 1} about picture {record}: what is the colour of the region near the top left corner?"),
        string.Create(CultureInfo.InvariantCulture, $"The region near the top left corner of picture {record} is a dark shade; answer number {turn + 1}."));

    private static int ItemsFor(int records) => Enumerable.Range(0, records).Sum(Turns);
}
