using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// Two partners at 390 px: Ana appreciates Ben (with the nudge), Ben finds it on Today and in the jar; Ana signals a
/// hard day with her support preferences, Ben sees them on Today and answers "I'm here", and Ana sees his answer.
/// </summary>
public sealed class AppreciationBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task An_appreciation_and_a_hard_day_travel_between_two_partners()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");

        await ana.GotoAsync("/today");
        var box = ana.GetByLabel("What do you appreciate about Ben?");
        await box.FillAsync("You're amazing");
        await ana.GetByRole(AriaRole.Button, new() { Name = "How specific is it?" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("nudge")).ToContainTextAsync("What did they do?");
        await BrowserFixture.CaptureAsync(ana, "appreciation-nudge");
        var words = "You were so patient with my mum on Sunday. I felt you were on my side.";
        await ana.GetByLabel("What do you appreciate about Ben?").FillAsync(words);
        await ana.GetByRole(AriaRole.Button, new() { Name = "How specific is it?" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("nudge")).ToContainTextAsync("That is specific");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Send to Ben" }).ClickAsync();
        await Assertions.Expect(ana).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/appreciations#sent$"));
        await Assertions.Expect(ana.GetByTestId("jar")).ToContainTextAsync(words);
        await Assertions.Expect(ana.GetByTestId("shared-this-week")).ToHaveTextAsync("This week you shared your first appreciation.");

        await ben.GotoAsync("/today");
        await Assertions.Expect(ben.GetByTestId("new-appreciations")).ToContainTextAsync(words);
        await BrowserFixture.CaptureAsync(ben, "today-new-appreciation");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Put in our jar" }).ClickAsync();
        await Assertions.Expect(ben).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/today$"));
        await Assertions.Expect(ben.GetByTestId("new-appreciations")).ToHaveCountAsync(0);
        await ben.GotoAsync("/appreciations?from=partner");
        await Assertions.Expect(ben.GetByTestId("jar")).ToContainTextAsync(words);
        await ben.GetByRole(AriaRole.Button, new() { Name = "Pin to the top" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Pinned by you" })).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(ben, "appreciation-jar");

        await ana.GotoAsync("/me/support");
        await ana.GetByLabel("Listen without trying to fix it").CheckAsync();
        await ana.GetByLabel("Comfort me: a hug, closeness").CheckAsync();
        await ana.GetByLabel("In my own words").FillAsync("Tea, and sitting with me on the sofa.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(ana.GetByLabel("Listen without trying to fix it")).ToBeCheckedAsync();
        await BrowserFixture.CaptureAsync(ana, "support-preferences");
        await ana.GotoAsync("/safe-haven");
        await ana.GetByLabel("Heavy", new() { Exact = true }).CheckAsync();
        await ana.GetByLabel("A note (optional)").FillAsync("The meeting went badly.");
        await BrowserFixture.CaptureAsync(ana, "safe-haven");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Let Ben know" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("my-hard-day")).ToContainTextAsync("Ben knows today is hard");

        await ben.GotoAsync("/today");
        var card = ben.GetByTestId("partner-hard-day");
        await Assertions.Expect(card).ToContainTextAsync("Ana is having a hard day");
        await Assertions.Expect(card.GetByTestId("partner-ways")).ToContainTextAsync("Listen without trying to fix it");
        await Assertions.Expect(card.GetByTestId("partner-what-helps")).ToHaveTextAsync("Tea, and sitting with me on the sofa.");
        await Assertions.Expect(card.GetByTestId("partner-note")).ToHaveTextAsync("The meeting went badly.");
        await BrowserFixture.CaptureAsync(ben, "today-partner-hard-day");
        await card.GetByRole(AriaRole.Button, new() { Name = "I'm here" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("my-responses")).ToContainTextAsync("I'm here");

        await ana.GotoAsync("/today");
        await Assertions.Expect(ana.GetByTestId("responses")).ToContainTextAsync("Ben: I'm here");
        await BrowserFixture.CaptureAsync(ana, "today-my-hard-day");

        await ana.GotoAsync("/good-news");
        await ana.GetByLabel("Something good that happened").FillAsync("My talk was accepted!");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Share with Ben" }).ClickAsync();
        await ben.GotoAsync("/today");
        await Assertions.Expect(ben.GetByTestId("good-news-card")).ToContainTextAsync("My talk was accepted!");
        await ben.GetByLabel("Your answer to Ana").FillAsync("Tell me everything! When do you give it?");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("good-news-list")).ToContainTextAsync("Tell me everything!");
        await ana.GotoAsync("/good-news");
        await Assertions.Expect(ana.GetByTestId("good-news-list")).ToContainTextAsync("Ben answered: Tell me everything!");
        await BrowserFixture.CaptureAsync(ana, "good-news");

        // The same pages in German and in the dark colour scheme, for looking at (and one German heading checked).
        await ben.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = "de-DE" });
        await ben.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await ben.GotoAsync("/appreciations");
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "Unser Wertschätzungsglas" })).ToBeVisibleAsync();
        foreach (var (path, name) in new[] { ("/appreciations", "jar"), ("/today", "today"), ("/good-news", "good-news"), ("/safe-haven", "safe-haven"), ("/me/support", "support-preferences") })
        {
            await ben.GotoAsync(path);
            await BrowserFixture.CaptureAsync(ben, $"de-dark-{name}");
        }

        await ben.GotoAsync("/appreciations/write");
        await ben.GetByLabel("Was schätzt du an Ana?").FillAsync("Danke für alles");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Wie konkret ist das?" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("nudge")).ToContainTextAsync("Was hat dein Schatz getan?");
        await BrowserFixture.CaptureAsync(ben, "de-dark-write");
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
