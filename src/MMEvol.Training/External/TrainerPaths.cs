namespace MMEvol.Training.External;

/// <summary>What a run fills into a profile's placeholders.</summary>
/// <param name="Data">The exported data file: <c>{data}</c>; its folder is <c>{data_dir}</c> (LLaMA-Factory's dataset_dir).</param>
/// <param name="Images">The image folder: <c>{images}</c>.</param>
/// <param name="Output">The run's own output folder: <c>{output}</c>.</param>
public sealed record TrainerPaths(string Data, string Images, string Output)
{
    /// <summary>The export's entry in dataset_info.json (ShareGPT exports write one): <c>{dataset}</c>.</summary>
    public string? Dataset { get; init; }

    /// <summary>Absolute, because the command runs in the profile's working directory, not the workbench's.</summary>
    internal Dictionary<string, string> Values()
    {
        var data = Path.GetFullPath(Data);
        var values = new Dictionary<string, string>
        {
            ["data"] = data,
            ["data_dir"] = Path.GetDirectoryName(data) ?? data,
            ["images"] = Path.GetFullPath(Images),
            ["output"] = Path.GetFullPath(Output),
        };
        if (Dataset is not null)
            values["dataset"] = Dataset;
        return values;
    }
}
