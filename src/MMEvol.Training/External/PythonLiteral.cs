using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MMEvol.Training.External;

/// <summary>
/// Rewrites a printed Python literal (a dict as <c>str(logs)</c> shows it) as JSON, which also leaves
/// JSON itself as it was. Values JSON cannot hold become null (nan, inf) or a string (a call such as
/// <c>tensor(3.1, device='cuda:0')</c>, unless it wraps a single number, as <c>np.float64(0.5)</c> does).
/// </summary>
internal static partial class PythonLiteral
{
    [GeneratedRegex(@"^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^[\w.]+\(\s*([^\s,()'""]+)\s*[,)]")]
    private static partial Regex WrappedScalar();

    /// <summary>The JSON text, or null when the literal is cut short (an unclosed string or call).</summary>
    public static string? ToJson(ReadOnlySpan<char> text)
    {
        var json = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '{' or '}' or '[' or ']' or ':' or ',')
            {
                json.Append(c);
                i++;
            }
            else if (c is '\'' or '"')
            {
                if (ReadString(text, ref i) is not { } value)
                    return null;
                json.Append(JsonSerializer.Serialize(value));
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (',' or ':' or '{' or '}' or '[' or ']' or '(' or '\'' or '"'))
                    i++;
                if (i < text.Length && text[i] == '(' && !SkipCall(text, ref i))
                    return null;
                json.Append(Value(text[start..i].ToString()));
            }
        }
        return json.ToString();
    }

    private static string Value(string token)
    {
        switch (token)
        {
            case "True" or "true":
                return "true";
            case "False" or "false":
                return "false";
            case "None" or "null":
                return "null";
        }
        if (token.EndsWith(')') && WrappedScalar().Match(token) is { Success: true } wrapped)
            token = wrapped.Groups[1].Value;
        if (JsonNumber().IsMatch(token))
            return token;
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return double.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture) : "null";
        return token.ToLowerInvariant() is "nan" or "-nan" or "inf" or "-inf" or "+inf" or "infinity" or "-infinity"
            ? "null"
            : JsonSerializer.Serialize(token);
    }

    /// <summary>Moves past a call's balanced parentheses, quotes inside included; false when they never close.</summary>
    private static bool SkipCall(ReadOnlySpan<char> text, ref int i)
    {
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                if (ReadString(text, ref i) is null)
                    return false;
                continue;
            }
            i++;
            if (c == '(')
                depth++;
            else if (c == ')' && --depth == 0)
                return true;
        }
        return false;
    }

    /// <summary>Reads a quoted string at <paramref name="i"/> with Python's (and JSON's) common escapes; null when unterminated.</summary>
    private static string? ReadString(ReadOnlySpan<char> text, ref int i)
    {
        var quote = text[i++];
        var value = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == quote)
                return value.ToString();
            if (c != '\\' || i == text.Length)
            {
                value.Append(c);
                continue;
            }
            var escaped = text[i++];
            var hexLength = escaped switch { 'x' => 2, 'u' => 4, _ => 0 };
            if (hexLength > 0 && i + hexLength <= text.Length
                && int.TryParse(text.Slice(i, hexLength), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                value.Append((char)code);
                i += hexLength;
                continue;
            }
            value.Append(escaped switch
            {
                'n' => "\n",
                't' => "\t",
                'r' => "\r",
                'b' => "\b",
                'f' => "\f",
                '\\' or '\'' or '"' or '/' => escaped.ToString(),
                _ => "\\" + escaped,
            });
        }
        return null;
    }
}
