using Ganss.Xss;
using Markdig;

namespace MMEvol.Web.Components.Shared;

/// <summary>
/// Model text is untrusted input: Markdown is rendered, then every tag and attribute outside a
/// small allow-list is removed (no script, no event handler, no style, no remote image), so a
/// stored payload shows as harmless text instead of running in a reviewer's browser.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseSoftlineBreakAsHardlineBreak().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string? text) => string.IsNullOrEmpty(text) ? "" : Sanitizer.Sanitize(Markdown.ToHtml(text, Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "p", "br", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td" },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        // A refused element (a link, an image) leaves its text behind rather than vanishing with it.
        return new HtmlSanitizer(options) { KeepChildNodes = true };
    }
}
