using AngleSharp.Html.Parser;
using MMEvol.Web.Components.Shared;

namespace MMEvol.Web.Tests.Review;

public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("![x](http://example.com/x.png \"t\")")]
    [InlineData("<a href=\"https://example.com\" onclick=\"alert(1)\">x</a>")]
    public void Payloads_LeaveNoTagThatLoadsOrRuns(string text)
    {
        // Parsed as a browser would: escaped text may mention a tag, but no element other than plain formatting may exist.
        var body = new HtmlParser().ParseDocument(SafeMarkdown.ToHtml(text)).Body!;
        var elements = body.QuerySelectorAll("*").ToList();

        Assert.All(elements, e => Assert.Contains(e.LocalName, new[] { "p", "strong", "em", "code" }));
        Assert.All(elements, e => Assert.Empty(e.Attributes));
    }

    [Fact]
    public void RefusedLink_KeepsItsText()
    {
        Assert.Equal("<p>see <strong>the</strong> click here</p>", SafeMarkdown.ToHtml("see **the** [click here](javascript:alert(1))").Trim());
    }
}
