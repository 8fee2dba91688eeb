using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// Two partners at 390 px: Ana adds a walk-and-talk ritual and starts it now; both see the calm "phones away" page;
/// once the (fake) clock passes the end, each writes a one-line reflection the other reads, and the month counts the time.
/// </summary>
public sealed class RitualBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Two_partners_start_and_finish_a_screen_free_ritual()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");

        await ana.GotoAsync("/rituals");
        await Assertions.Expect(ana.GetByText("No rituals yet.")).ToBeVisibleAsync();
        await ana.GetByLabel("Ritual", new() { Exact = true }).SelectOptionAsync("walk-and-talk");
        await ana.GetByLabel("Sat").CheckAsync();
        await ana.GetByLabel("How long, in minutes").FillAsync("20");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Add ritual" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("rituals")).ToContainTextAsync("Walk and talk");
        await Assertions.Expect(ana.GetByTestId("rituals")).ToContainTextAsync("20 min");
        await BrowserFixture.CaptureAsync(ana, "rituals");

        await ana.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await Assertions.Expect(ana).ToHaveURLAsync(new Regex("/rituals/session\\?id=[0-9a-f-]+$"));
        var session = ana.Url;
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Phones away" })).ToBeVisibleAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Timer)).ToHaveTextAsync(new Regex(@"^(19|20):\d\d$"));
        await Assertions.Expect(ana.Locator(".tabs")).ToBeHiddenAsync();
        await BrowserFixture.CaptureAsync(ana, "ritual-phones-away");

        await ben.GotoAsync("/rituals");
        await ben.GetByRole(AriaRole.Link, new() { Name = "Back to your screen-free time" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Phones away" })).ToBeVisibleAsync();
        Assert.Equal(session, ben.Url);

        browser.App.Time.Advance(TimeSpan.FromMinutes(20));
        await ana.GetByRole(AriaRole.Link, new() { Name = "Is it time?" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Welcome back" })).ToBeVisibleAsync();
        await ana.GetByLabel("One line about this time together").FillAsync("The light on the river was lovely.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("reflections")).ToContainTextAsync("The light on the river was lovely.");

        await ben.GetByRole(AriaRole.Link, new() { Name = "Is it time?" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("reflections")).ToContainTextAsync("The light on the river was lovely.");
        await Assertions.Expect(ben.GetByTestId("reflections")).ToContainTextAsync("Ana");
        await ben.GetByLabel("One line about this time together").FillAsync("I want to walk there again.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("reflections")).ToContainTextAsync("I want to walk there again.");
        await BrowserFixture.CaptureAsync(ben, "ritual-reflections");

        await ana.GotoAsync("/rituals");
        await Assertions.Expect(ana.GetByTestId("screen-free-month")).ToContainTextAsync("20 minutes together without screens");
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
