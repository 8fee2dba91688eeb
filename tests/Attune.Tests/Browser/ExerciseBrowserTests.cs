using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// Two partners at 390 px: Ana starts a one-minute eye gazing; both see the calm timer; once the (fake) clock passes
/// the end, each writes a line that the other reads only once both have written. Then an evening of questions on
/// Ana's phone, with whose turn it is to read first, forward, back and finished. The in-session pages pass axe.
/// </summary>
public sealed class ExerciseBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Two_partners_gaze_write_a_line_each_and_spend_an_evening_with_questions()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");

        await ana.GotoAsync("/together");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Eye gazing" }).ClickAsync();
        await BrowserFixture.CaptureAsync(ana, "gazing-start");
        await ana.GetByLabel("1 min").CheckAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(ana).ToHaveURLAsync(new Regex("/exercises/gazing\\?id=[0-9a-f-]+$"));
        var session = ana.Url;
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Look at each other" })).ToBeVisibleAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Timer)).ToHaveTextAsync(new Regex(@"^0:\d\d$"));
        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Soft tone at the end" })).ToHaveAttributeAsync("aria-pressed", "false");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Soft tone at the end" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Soft tone at the end" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(ana.Locator(".tabs")).ToBeHiddenAsync();
        await BrowserFixture.CaptureAsync(ana, "gazing-running", fullPage: false);
        await AssertAxeCleanAsync(ana, "gazing running");

        await ben.GotoAsync("/exercises/gazing");
        await ben.GetByRole(AriaRole.Link, new() { Name = "Back to your last gazing" }).ClickAsync();
        Assert.Equal(session, ben.Url);

        browser.App.Time.Advance(TimeSpan.FromMinutes(1));
        await ana.GetByRole(AriaRole.Link, new() { Name = "Is it time?" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "How was that?" })).ToBeVisibleAsync();
        await ana.GetByLabel("One line about these minutes").FillAsync("I saw you smile before you did.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("gazing-reflections")).ToContainTextAsync("I saw you smile before you did.");
        await Assertions.Expect(ana.GetByTestId("partner-state")).ToContainTextAsync("Ben");

        await ben.GetByRole(AriaRole.Link, new() { Name = "Is it time?" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("partner-state")).ToContainTextAsync("Ana has written a line");
        await Assertions.Expect(ben.Locator("main")).Not.ToContainTextAsync("I saw you smile");
        await ben.GetByLabel("One line about these minutes").FillAsync("It felt long, then not at all.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("gazing-reflections")).ToContainTextAsync("I saw you smile before you did.");
        await Assertions.Expect(ben.GetByTestId("gazing-reflections")).ToContainTextAsync("It felt long, then not at all.");
        await BrowserFixture.CaptureAsync(ben, "gazing-lines");
        await AssertAxeCleanAsync(ben, "gazing ended");

        await ana.GotoAsync("/exercises/evening");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Begin" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("evening-where")).ToContainTextAsync("Set 1 of 3 · Question 1 of 12");
        await Assertions.Expect(ana.GetByTestId("reader")).ToHaveTextAsync("Your turn to read first.");
        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Back" })).ToHaveCountAsync(0);
        await BrowserFixture.CaptureAsync(ana, "evening-question");
        await AssertAxeCleanAsync(ana, "evening question");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Next question" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("evening-where")).ToContainTextAsync("Question 2 of 12");
        await Assertions.Expect(ana.GetByTestId("reader")).ToHaveTextAsync("Ben reads first.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("reader")).ToHaveTextAsync("Your turn to read first.");

        // In German and dark, for looking at.
        await ben.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = "de-DE" });
        await ben.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await ben.GotoAsync("/exercises/evening");
        await ben.GetByRole(AriaRole.Link, new() { Name = "Euren Abend fortsetzen" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("reader")).ToHaveTextAsync("Ana liest zuerst vor.");
        await BrowserFixture.CaptureAsync(ben, "de-dark-evening-question");
        await ben.GotoAsync(session);
        await BrowserFixture.CaptureAsync(ben, "de-dark-gazing-lines");

        await ana.GetByRole(AriaRole.Button, new() { Name = "Finish the evening" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Thank you for this evening" })).ToBeVisibleAsync();
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    private static async Task AssertAxeCleanAsync(IPage page, string where)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var violations = await Axe.ByTagsAsync(page, Axe.WcagTags);
            Assert.True(violations.Count == 0, $"{where}, {scheme}: " + string.Join("; ", violations));
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }
}
