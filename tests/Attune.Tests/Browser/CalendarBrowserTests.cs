using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// Each partner makes their own calendar link on Me → Calendar link at 390 px; the link is shown once and works,
/// then Ana turns hers off and it stops, while Ben's goes on working. Screenshots in English (light and dark) and German.
/// </summary>
public sealed class CalendarBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Each_partner_makes_a_link_of_their_own_sees_it_once_and_can_turn_it_off()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");

        await ana.GotoAsync("/me");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Calendar link" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("calendar-none")).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(ana, "calendar-empty");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Make my calendar link" }).ClickAsync();
        var anaUrl = await ana.GetByRole(AriaRole.Textbox, new() { Name = "Your link to subscribe to" }).InputValueAsync();
        Assert.Matches("/calendar/[A-Za-z0-9_-]{43}\\.ics$", anaUrl);
        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(ana, "calendar-new-link");
        await ana.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await BrowserFixture.CaptureAsync(ana, "calendar-new-link-dark");
        await ana.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        var feed = await ana.APIRequest.GetAsync(anaUrl);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("BEGIN:VCALENDAR", await feed.TextAsync(), StringComparison.Ordinal);

        // Ben, reading in German, makes his own; it is a different link.
        await ben.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = "de-DE" });
        await ben.GotoAsync("/me/calendar");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Meinen Kalender-Link erstellen" }).ClickAsync();
        var benUrl = await ben.GetByRole(AriaRole.Textbox, new() { Name = "Dein Link zum Abonnieren" }).InputValueAsync();
        Assert.NotEqual(anaUrl, benUrl);
        await BrowserFixture.CaptureAsync(ben, "calendar-new-link-de");

        // Coming back, Ana's link is active but not shown again; she turns it off and it stops working.
        await ana.GotoAsync("/me/calendar");
        await Assertions.Expect(ana.GetByTestId("calendar-active")).ToBeVisibleAsync();
        Assert.DoesNotContain(anaUrl, await ana.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.CaptureAsync(ana, "calendar-active");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Turn off my link" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Status)).ToContainTextAsync("Your calendar link is turned off");
        Assert.Equal(404, (await ana.APIRequest.GetAsync(anaUrl)).Status);
        Assert.Equal(200, (await ben.APIRequest.GetAsync(benUrl)).Status);
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
