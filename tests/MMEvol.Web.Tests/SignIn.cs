using System.Net;
using System.Text.RegularExpressions;

namespace MMEvol.Web.Tests;

/// <summary>Signs in the way a browser does: GET the form, POST it back with its antiforgery token, keep the cookie.</summary>
public static partial class SignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/account/login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        var url = returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        return await client.PostAsync(url, form);
    }

    public static async Task AsAdminAsync(WorkbenchServer server, HttpClient client)
    {
        using var response = await PostAsync(client, "admin", server.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
