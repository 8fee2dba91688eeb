using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>Two people in two separate browsers: register, invite through the link, join, see each other.</summary>
public sealed class PairingBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Two_people_register_one_invites_the_other_joins_through_the_link_and_both_see_each_other()
    {
        // Registering says "check your mail"; the link from the mail (the outbox) confirms the address and signs in.
        var ana = await browser.NewPageAsync("Europe/Lisbon");
        await browser.RegisterAsync(ana, "Ana", "/register", capture: true);
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Hello, Ana" })).ToBeVisibleAsync();

        await ana.GetByRole(AriaRole.Link, new() { Name = "Invite my partner" }).ClickAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickAsync();
        await BrowserFixture.CaptureAsync(ana, "couple-invitation");
        var link = await ana.GetByTestId("invitation-link").TextContentAsync();
        Assert.Matches("^https://.+/join/[A-Z0-9]{4}-[A-Z0-9]{4}$", link);
        await Assertions.Expect(ana.GetByAltText("QR code of the join link")).ToBeVisibleAsync();

        var ben = await browser.NewPageAsync("America/Chicago");
        await ben.GotoAsync(link!);
        await BrowserFixture.CaptureAsync(ben, "join-anonymous");
        await ben.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await browser.RegisterAsync(ben, "Ben", path: null);
        await ben.GetByRole(AriaRole.Button, new() { Name = "Join my partner" }).ClickAsync();
        await Assertions.Expect(ben).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/today$"));
        await ben.GotoAsync("/couple");
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "You and Ana" })).ToBeVisibleAsync();

        await ana.GotoAsync("/couple");
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "You and Ben" })).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(ana, "home-couple");
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    [Fact]
    public async Task The_time_zone_is_preselected_from_the_browser_and_bad_input_is_explained_inline()
    {
        var page = await browser.NewPageAsync("Asia/Tokyo");
        await page.GotoAsync("/register");
        Assert.Equal("Asia/Tokyo", await page.Locator("#Input_TimeZone").InputValueAsync());

        await page.GetByLabel("Your name").FillAsync("Kim");
        await page.GetByLabel("E-mail").FillAsync($"{Guid.NewGuid():N}@example.test");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("between 8 and 128 characters");
        await BrowserFixture.CaptureAsync(page, "register-error");
        Assert.Equal("Kim", await page.GetByLabel("Your name").InputValueAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_quick_exit_replaces_the_page_with_a_neutral_one_at_once()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/register");
        await page.GetByRole(AriaRole.Link, new() { Name = "Quick exit" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Simple bread");
        Assert.DoesNotContain("Attune", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);

        await page.GotoAsync("/signin");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page).ToHaveTitleAsync("Simple bread");
        await page.Context.CloseAsync();
    }
}
