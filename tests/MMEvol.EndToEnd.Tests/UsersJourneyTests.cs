using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MMEvol.Core.Users;
using MMEvol.Web.Account;

namespace MMEvol.EndToEnd.Tests;

/// <summary>An admin changes roles on the Users page; the last Admin stays one.</summary>
[Collection(WorkbenchSiteCollection.Name)]
public sealed class UsersJourneyTests(WorkbenchSite site)
{
    [SkippableFact]
    public async Task SetRole_ReviewerBecomesCurator_AndTheLastAdminCannotStepDown()
    {
        Chromium.SkipIfMissing();
        var administration = site.Server.Services.GetRequiredService<UserAdministration>();
        await administration.CreateAsync("promoted", WorkbenchRoles.Reviewer, "Promoted-user-9", "admin");
        var page = await site.SignedInPageAsync();
        await WorkbenchSite.OpenInteractiveAsync(page, "/users");

        await RoleButton(page, "promoted").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = WorkbenchRoles.Curator }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "promoted" })).ToContainTextAsync(WorkbenchRoles.Curator);

        await RoleButton(page, "admin").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = WorkbenchRoles.Reviewer }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync("'admin' is the last Admin");
        await WorkbenchSite.ScreenshotAsync(page, "users-set-role");

        var users = await administration.ListAsync();
        Assert.Equal([WorkbenchRoles.Curator], users.Single(u => u.UserName == "promoted").Roles);
        Assert.Equal([WorkbenchRoles.Admin], users.Single(u => u.UserName == "admin").Roles);
        await page.Context.CloseAsync();
    }

    private static ILocator RoleButton(IPage page, string user) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = user, Exact = true }) })
            .GetByRole(AriaRole.Button, new() { Name = "Set role" });
}
