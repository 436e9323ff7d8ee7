using System.Text.RegularExpressions;

namespace MMEvol.Training.External;

/// <summary>
/// The <c>{name}</c> placeholders of a profile's templates. <c>${name}</c> stays the shell's, so shell
/// variables keep working. Values go into a shell command single-quoted, which only protects them
/// outside the template's own quotes: inside <c>"..."</c> a value's <c>$</c> or <c>"</c> would be live again.
/// </summary>
internal static partial class ShellTemplate
{
    [GeneratedRegex(@"(?<!\$)\{(\w+)\}")]
    private static partial Regex Placeholder();

    public static bool Uses(string? template, string name) =>
        template is not null && Placeholder().Matches(template).Any(m => m.Groups[1].Value == name);

    public static IEnumerable<string> Problems(string template, string field, IReadOnlyList<string> allowed, bool shell)
    {
        foreach (Match match in Placeholder().Matches(template))
        {
            var name = match.Groups[1].Value;
            if (!allowed.Contains(name))
                yield return $"{field} uses {{{name}}}, which it cannot fill; it may use {string.Join(", ", allowed.Select(a => "{" + a + "}"))}"
                             + " (write ${" + name + "} for a shell variable).";
            else if (shell && QuotedAt(template, match.Index))
                yield return $"{field} puts {{{name}}} inside quotes; leave it bare, the value is quoted for the shell.";
        }
    }

    /// <summary>Fills the placeholders that have a value; any other is left as written.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values, bool shell) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? shell ? Quote(value) : value : m.Value);

    /// <summary>POSIX single quotes take everything literally; an embedded quote closes, escapes and reopens.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    /// <summary>Whether the shell would be inside a quoted string at <paramref name="index"/>.</summary>
    private static bool QuotedAt(string template, int index)
    {
        char? quote = null;
        for (var i = 0; i < index; i++)
        {
            var c = template[i];
            if (quote == '\'')
            {
                if (c == '\'')
                    quote = null;
            }
            else if (c == '\\')
                i++;
            else if (quote == '"')
            {
                if (c == '"')
                    quote = null;
            }
            else if (c is '\'' or '"')
                quote = c;
        }
        return quote is not null;
    }
}
