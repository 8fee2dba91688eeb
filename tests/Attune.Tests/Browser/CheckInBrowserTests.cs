using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>Two partners complete this week's check-in in two browsers and open their conversation page.</summary>
public sealed class CheckInBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Dimensions = ["Trust", "Communication", "Vulnerability", "Empathy", "Support", "Togetherness"];

    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Both_partners_check_in_and_open_the_guided_conversation()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");

        await ana.GotoAsync("/check-in");
        await ana.GetByRole(AriaRole.Link, new() { Name = "This week's check-in" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "This week's check-in", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(ana, "checkin-empty");

        // A draft first, then the rest, then check in.
        await ana.GetByLabel("Something I appreciated about you (1 of 3, optional)").FillAsync("How you made tea when I was late.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("Your draft is saved.")).ToBeVisibleAsync();
        // The coach beside the concern: it keeps the draft and only suggests.
        await ana.GetByLabel("One concern (optional)").FillAsync("You never listen when I talk about work.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Check it gently" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("concern-coach")).ToContainTextAsync("“You never”");
        await Assertions.Expect(ana.GetByLabel("Something I appreciated about you (1 of 3, optional)")).ToHaveValueAsync("How you made tea when I was late.");
        await ana.GetByLabel("One concern (optional)").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.CaptureAsync(ana, "checkin-coach");
        await Fill(ana, rating: 6, alone: "Rarely", closeness: 5, concern: "I feel rushed when mornings are loud; I need ten quiet minutes.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("partner-state")).ToContainTextAsync("When Ben checks in");
        await BrowserFixture.CaptureAsync(ana, "checkin-submitted");

        await ben.GotoAsync("/check-in/week");
        await Assertions.Expect(ben.GetByTestId("partner-state")).ToContainTextAsync("Ana has checked in");
        Assert.DoesNotContain("made tea", await ben.ContentAsync(), StringComparison.Ordinal);
        // Submitting with a rating missing keeps everything typed and says what is missing.
        await ben.GetByLabel("What would help me feel loved next week (optional)").FillAsync("A walk on Sunday.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(ben.Locator(".field-error").First).ToContainTextAsync("Please choose a number");
        await Assertions.Expect(ben.GetByLabel("What would help me feel loved next week (optional)")).ToHaveValueAsync("A walk on Sunday.");
        await BrowserFixture.CaptureAsync(ben, "checkin-errors");
        await Fill(ben, rating: 4, alone: "Sometimes", closeness: 3, concern: null);
        await ben.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("revealed")).ToContainTextAsync("How you made tea when I was late.");
        await BrowserFixture.CaptureAsync(ben, "checkin-revealed");

        await ben.GetByRole(AriaRole.Link, new() { Name = "Open your conversation" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "1. Appreciations" })).ToBeVisibleAsync();
        await Assertions.Expect(ben.GetByText("I feel rushed when mornings are loud")).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(ben, "conversation");
        await ben.GetByRole(AriaRole.Button, new() { Name = "We talked it through" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("conversation-done")).ToBeVisibleAsync();

        await ana.GotoAsync("/check-in/conversation");
        await Assertions.Expect(ana.GetByTestId("conversation-done")).ToBeVisibleAsync();
        await Assertions.Expect(ana.GetByText("A walk on Sunday.")).ToBeVisibleAsync();
        await ana.GotoAsync("/check-in/trends");
        await Assertions.Expect(ana.Locator("svg.chart")).ToHaveCountAsync(8);
        await BrowserFixture.CaptureAsync(ana, "trends");
        await ana.GotoAsync("/check-in/counselling");
        await BrowserFixture.CaptureAsync(ana, "counselling");

        // The same pages dark, and in German, for looking at.
        await ana.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await ana.GotoAsync("/check-in/trends");
        await BrowserFixture.CaptureAsync(ana, "trends-dark");
        await ana.GotoAsync("/check-in/week");
        await BrowserFixture.CaptureAsync(ana, "checkin-revealed-dark");
        var german = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(), IgnoreHTTPSErrors = true, Locale = "de-DE",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, StorageState = await ana.Context.StorageStateAsync(),
        });
        var anaDe = await german.NewPageAsync();
        await anaDe.GotoAsync("/check-in/conversation");
        await Assertions.Expect(anaDe.GetByRole(AriaRole.Heading, new() { Name = "1. Wertschätzung" })).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(anaDe, "conversation-de");
        await german.CloseAsync();
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    private static async Task Fill(IPage page, int rating, string alone, int closeness, string? concern)
    {
        foreach (var dimension in Dimensions)
        {
            await page.Locator($"input[name='Input.{dimension}'][value='{rating}']").CheckAsync();
        }

        await page.GetByLabel(alone, new() { Exact = true }).CheckAsync();
        await page.Locator($"input[name='Input.Closeness'][value='{closeness}']").CheckAsync();
        if (concern is not null)
        {
            await page.GetByLabel("One concern (optional)").FillAsync(concern);
        }
    }
}
