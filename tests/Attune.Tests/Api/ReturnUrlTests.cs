using System.Net;
using System.Text.RegularExpressions;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>
/// After signing in, Attune sends people back only to its own pages. The sign-in page judges the
/// return address once (the same rule its form uses) and hands the result to the passkey script, so a
/// hostile ?returnUrl= never reaches the script.
/// </summary>
public sealed partial class ReturnUrlTests(AttuneApp app) : IClassFixture<AttuneApp>
{
    [Theory]
    [InlineData("/\\evil.example/x")]
    [InlineData("//evil.example/x")]
    [InlineData("/\t/evil.example/x")]
    [InlineData("https://evil.example/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("~/today")]
    [InlineData("")]
    public async Task The_passkey_script_is_given_the_home_page_for_an_address_that_is_not_ours(string returnUrl)
    {
        using var client = app.CreateHttpClient();
        var html = await client.GetStringAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("/", PasskeyReturnUrl(html));
    }

    [Theory]
    [InlineData("/join/ABCD-EFGH")]
    [InlineData("/history?before=2026-11-01")]
    public async Task The_passkey_script_is_given_our_own_pages_unchanged(string returnUrl)
    {
        using var client = app.CreateHttpClient();
        var html = await client.GetStringAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(returnUrl, PasskeyReturnUrl(html));
    }

    [Fact]
    public async Task Signing_in_with_the_password_form_never_leads_to_another_site()
    {
        var user = await app.RegisterAsync();
        using var browser = new ManualCookies(app.CreateHttpClient(handleCookies: false));
        var response = await browser.PostFormAsync("/signin", "/signin", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
            ["ReturnUrl"] = "/\\evil.example/x",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    private static string PasskeyReturnUrl(string html) =>
        WebUtility.HtmlDecode(ReturnAttribute().Match(html) is { Success: true } match ? match.Groups[1].Value : "(no data-return-url)");

    [GeneratedRegex("data-return-url=\"([^\"]*)\"")]
    private static partial Regex ReturnAttribute();
}
