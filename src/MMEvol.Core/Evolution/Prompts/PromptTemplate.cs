using System.Text.RegularExpressions;

namespace MMEvol.Core.Evolution.Prompts;

/// <summary>Fills the {{name}} placeholders of a template in one pass.</summary>
internal static partial class PromptTemplate
{
    /// <summary>
    /// Every placeholder must have a value: a template edited without its builder would otherwise send
    /// "{{caption}}" to the model. Values are not scanned again, so a caption holding braces is safe.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No value for the placeholder {match.Value}."));

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
