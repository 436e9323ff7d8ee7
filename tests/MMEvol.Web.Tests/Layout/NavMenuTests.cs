using Bunit;
using MMEvol.Core.Users;
using MMEvol.Web.Components.Layout;
using MMEvol.Web.Tests.Review;

namespace MMEvol.Web.Tests.Layout;

/// <summary>The menu links only to the pages the user's role opens.</summary>
public sealed class NavMenuTests
{
    [Theory]
    [InlineData(WorkbenchRoles.Reviewer, "/,review,training")]
    [InlineData(WorkbenchRoles.Curator, "/,review,thresholds,data,training")]
    [InlineData(WorkbenchRoles.Admin, "/,review,thresholds,evolution,data,training,users")]
    public async Task Menu_PerRole_OnlyThePagesItOpens(string role, string expected)
    {
        await using var context = ComponentContext.Create();
        context.AddAuthorization().SetAuthorized("someone").SetRoles(role);

        var menu = context.Render<NavMenu>();

        var links = menu.FindAll("a").Select(a => a.GetAttribute("href") is "" or null ? "/" : a.GetAttribute("href")!).ToList();
        Assert.Equal(expected.Split(','), links);
    }
}
