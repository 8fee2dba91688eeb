using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;

namespace Attune.Tests.Browser;

/// <summary>Two-step sign-in set up and used through the pages, as a person would.</summary>
public sealed partial class SecurityBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Turning_on_two_step_sign_in_then_signing_in_with_a_code_from_the_app()
    {
        var page = await browser.NewPageAsync();
        var email = $"cleo-{Guid.NewGuid():N}@example.test";
        await page.GotoAsync("/register");
        await page.GetByLabel("Your name").FillAsync("Cleo");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("a long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await browser.ConfirmFromMailAsync(page, email);

        await page.GotoAsync("/security");
        await Assertions.Expect(page.GetByText("This device")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        var key = (await page.Locator(".secret").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await BrowserFixture.CaptureAsync(page, "two-step-setup");

        await page.GetByLabel("Code from the app").FillAsync("000000");
        await page.GetByLabel("Your password").FillAsync("a long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code did not match");

        await page.GetByLabel("Code from the app").FillAsync(totp.ComputeTotp(browser.App.Time.GetUtcNow().UtcDateTime));
        await page.GetByLabel("Your password").FillAsync("a long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your recovery codes")).ToBeVisibleAsync();
        Assert.Equal(10, await page.Locator(".recovery-codes li").CountAsync());
        await BrowserFixture.CaptureAsync(page, "two-step-recovery-codes");

        await page.GotoAsync("/me"); // on a phone, signing out is under Me
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("a long enough passphrase");
        // The passkey control appears only where the browser supports passkeys, as Chromium does.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(TwoStepPage());

        browser.App.Time.Advance(TimeSpan.FromSeconds(30));
        await page.GetByLabel("Code from your app, or a recovery code").FillAsync(totp.ComputeTotp(browser.App.Time.GetUtcNow().UtcDateTime));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Me", Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync("/security");
        await Assertions.Expect(page.GetByText("Two-step sign-in turned on")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("You have 10 recovery codes left")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" })).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(page, "security");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Adding_a_passkey_long_after_signing_in_asks_for_the_password_and_the_page_sends_it()
    {
        var page = await browser.NewPageAsync();
        await browser.RegisterAsync(page, "Dana", "/register");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Me", Exact = true })).ToBeVisibleAsync();
        browser.App.Time.Advance(TimeSpan.FromMinutes(6));
        await page.GotoAsync("/security");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" });

        await add.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Please enter your password" })).ToBeVisibleAsync();

        await page.GetByLabel("Your password", new() { Exact = true }).FillAsync("a long enough passphrase");
        var options = await page.RunAndWaitForResponseAsync(() => add.ClickAsync(), r => r.Url.EndsWith("/api/v1/me/passkeys/options", StringComparison.Ordinal));
        Assert.Equal(200, options.Status);
        await BrowserFixture.CaptureAsync(page, "security-passkey-password");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/signin/two-step")]
    private static partial Regex TwoStepPage();
}
