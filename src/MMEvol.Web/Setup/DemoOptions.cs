using System.ComponentModel.DataAnnotations;
using MMEvol.Core.Demo;

namespace MMEvol.Web.Setup;

/// <summary>The Shapes world a first start on an empty store makes and evolves (section "Demo").</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; } = true;

    [Range(1, 100_000)]
    public int Images { get; set; } = 300;

    [Range(0, 100_000)]
    public int BenchmarkImages { get; set; } = 100;

    [Range(0, 20)]
    public int Rounds { get; set; } = 3;

    public int Seed { get; set; } = 7;

    [Required]
    public string Dataset { get; set; } = DemoDataset.DefaultName;

    public DemoSettings ToSettings() => new()
    {
        Images = Images,
        BenchmarkImages = BenchmarkImages,
        Seed = Seed,
        Dataset = Dataset,
        Rounds = Rounds,
    };
}
