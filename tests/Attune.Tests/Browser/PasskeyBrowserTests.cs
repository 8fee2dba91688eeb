using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// Passkeys through the pages in Chromium, with its virtual authenticator (DevTools WebAuthn domain):
/// the script's API calls pass the same-origin check, and after signing in it only goes where the
/// page's own rule allows, never to another site.
/// </summary>
public sealed class PasskeyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/%5Cevil.example/x")]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/x")]
    public async Task A_passkey_added_on_the_security_page_signs_in_and_never_leads_to_another_site(string returnUrl)
    {
        // WebAuthn needs a domain name, not an IP address: the same server, reached as localhost.
        var origin = $"https://localhost:{browser.BaseAddress.Port}";
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = origin, IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        var devTools = await context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await browser.RegisterAsync(page, "Noor", "/register");
        await page.GotoAsync("/security");
        await page.GetByLabel("Name for the new passkey (optional)").FillAsync("Test key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Test key")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.GotoAsync("/signin?returnUrl=" + returnUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Still on {page.Url}; the passkey block says: {await page.Locator("[data-passkey-signin] [data-passkey-status]").TextContentAsync()}");
        }


        Assert.StartsWith(origin + "/", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Me", Exact = true })).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}
