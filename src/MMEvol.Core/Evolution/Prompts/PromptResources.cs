using System.Collections.Concurrent;
using System.Text;

namespace MMEvol.Core.Evolution.Prompts;

/// <summary>The prompt texts, embedded from Resources/*.md (see the project file's logical names).</summary>
internal static class PromptResources
{
    private const string Prefix = "MMEvol.Prompts.";
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> NoteTable = new(ReadNotes);

    public static string Text(string name) => Texts.GetOrAdd(name, Load);

    /// <summary>One line of notes.md ("key: text"): the short sentences a prompt adds for one record's situation.</summary>
    public static string Note(string key) =>
        NoteTable.Value.TryGetValue(key, out var note) ? note : throw new InvalidOperationException($"notes.md has no note '{key}'.");

    private static string Load(string name)
    {
        using var stream = typeof(PromptResources).Assembly.GetManifestResourceStream(Prefix + name + ".md")
            ?? throw new InvalidOperationException($"The prompt resource '{name}.md' is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // A checkout with CRLF line endings must give the same prompts, and so the same versions, as one with LF.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
    }

    private static IReadOnlyDictionary<string, string> ReadNotes()
    {
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Text("notes").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                throw new InvalidOperationException($"notes.md: '{line}' is not 'key: text'.");
            notes.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        return notes;
    }
}
