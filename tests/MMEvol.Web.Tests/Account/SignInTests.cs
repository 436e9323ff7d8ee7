using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MMEvol.Core.Users;
using MMEvol.Web.Account;

namespace MMEvol.Web.Tests.Account;

[Collection(DemoServerCollection.Name)]
public sealed partial class SignInTests(DemoServerFixture fixture)
{
    private readonly WorkbenchServer _server = fixture.Server;

    [Theory]
    [InlineData("/")]
    [InlineData("/review")]
    [InlineData("/users")]
    [InlineData("/README.md")]
    public async Task Get_Anonymous_RedirectsToSignInWithReturnUrl(string path)
    {
        using var client = _server.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location.Query);
    }

    [Theory]
    [InlineData("/media/records/1/thumb")]
    [InlineData("/media/records/1/image")]
    public async Task GetMedia_Anonymous_Returns401(string path)
    {
        using var client = _server.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetSignInPage_Anonymous_ServesFormAndItsStylesAndScripts()
    {
        using var client = _server.CreateClient();

        var page = await client.GetStringAsync("/account/login");

        Assert.Contains("name=\"Input.UserName\"", page);
        Assert.Contains("name=\"Input.Password\"", page);
        var assets = AssetPattern().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("css/app.css", assets);
        Assert.Contains(assets, a => a.StartsWith("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("_framework/blazor.web.", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task SignIn_AdminPasswordFromFile_RedirectsAndOpensDashboard()
    {
        using var client = _server.CreateClient();

        using var signIn = await SignIn.PostAsync(client, "admin", _server.AdminPassword, returnUrl: "/review");
        using var review = await client.GetAsync("/review");
        var dashboard = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/review", LocalPath(client, signIn));
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Contains("MMEvol Workbench", dashboard);
        Assert.Contains("Sign out", dashboard);
        Assert.Contains(">admin<", dashboard);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStaysSignedOut()
    {
        using var client = _server.CreateClient();

        using var response = await SignIn.PostAsync(client, "admin", "not the password");
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnUrlOnAnotherSite_RedirectsHome()
    {
        using var client = _server.CreateClient();

        using var response = await SignIn.PostAsync(client, "admin", _server.AdminPassword, returnUrl: "https://example.com/");

        Assert.Equal("/", LocalPath(client, response));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        var password = PasswordGenerator.Create();
        await _server.Services.GetRequiredService<UserAdministration>().CreateAsync("lockout-test", WorkbenchRoles.Reviewer, password, "test");
        using var client = _server.CreateClient();

        for (var i = 0; i < 5; i++)
            (await SignIn.PostAsync(client, "lockout-test", "wrong password " + i)).Dispose();
        using var response = await SignIn.PostAsync(client, "lockout-test", password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOut_AfterSignIn_EndsTheSession()
    {
        using var client = _server.CreateClient();
        await SignIn.AsAdminAsync(_server, client);
        var dashboard = await client.GetStringAsync("/");

        using var signOut = await client.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(dashboard) }));
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/login", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = _server.CreateClient();
        await SignIn.AsAdminAsync(_server, client);

        using var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public void AdminPasswordFile_FirstStart_IsReadableOnlyByItsOwner()
    {
        if (OperatingSystem.IsWindows())
            return;

        var mode = File.GetUnixFileMode(Path.Combine(_server.Data.Root, "admin-password.txt"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.Equal(20, _server.AdminPassword.Length);
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+\\.(?:css|js))\"")]
    private static partial Regex AssetPattern();

    // Static rendering redirects to absolute URLs; what matters is that they stay on this site.
    private static string LocalPath(HttpClient client, HttpResponseMessage redirect)
    {
        var target = new Uri(client.BaseAddress!, redirect.Headers.Location!);
        Assert.Equal(client.BaseAddress!.Authority, target.Authority);
        return target.PathAndQuery;
    }
}
