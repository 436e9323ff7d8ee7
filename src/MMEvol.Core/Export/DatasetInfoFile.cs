using System.Text.Json;
using System.Text.Json.Nodes;
using MMEvol.Core.Storage;

namespace MMEvol.Core.Export;

/// <summary>
/// LLaMA-Factory finds datasets through dataset_info.json in the data folder; the export adds or
/// replaces its own entry and keeps every other entry the file already had.
/// </summary>
internal static class DatasetInfoFile
{
    public const string FileName = "dataset_info.json";

    public static async Task<string> UpdateAsync(string exportFile, string entryName, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(exportFile))!, FileName);
        JsonObject root;
        try
        {
            root = File.Exists(path)
                ? JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken)) as JsonObject
                  ?? throw new WorkbenchException($"{path} does not hold a JSON object; fix or remove it.")
                : new JsonObject();
        }
        catch (JsonException e)
        {
            throw new WorkbenchException($"{path} is not valid JSON ({e.Message}); fix or remove it.", e);
        }

        root[entryName] = new JsonObject
        {
            ["file_name"] = Path.GetFileName(exportFile),
            ["formatting"] = "sharegpt",
            ["columns"] = new JsonObject { ["messages"] = "messages", ["images"] = "images" },
            ["tags"] = new JsonObject
            {
                ["role_tag"] = "role",
                ["content_tag"] = "content",
                ["user_tag"] = "user",
                ["assistant_tag"] = "assistant",
            },
        };
        await AtomicFile.WriteAsync(path, async stream =>
        {
            await using var writer = new Utf8JsonWriter(stream, ExportJson.Options(indented: true));
            root.WriteTo(writer);
            await writer.FlushAsync(cancellationToken);
            return 0;
        });
        return path;
    }
}
