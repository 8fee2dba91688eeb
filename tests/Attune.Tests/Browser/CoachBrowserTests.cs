using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>"Say it gently" as you type: the marks and advice follow the text without submitting the form.</summary>
public sealed class CoachBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task The_coach_updates_as_you_type_and_praises_a_gentle_i_statement()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        await ana.GotoAsync("/together");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Say it gently" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Say it gently", Level = 1 })).ToBeVisibleAsync();

        await ana.GetByLabel("What would you like to say?").FillAsync("You never listen. You're so selfish.");
        await Assertions.Expect(ana.Locator("[data-gentle-preview] mark")).ToHaveCountAsync(2);
        await Assertions.Expect(ana.Locator("[data-gentle-preview] mark").First).ToHaveTextAsync("You never");
        await Assertions.Expect(ana.Locator("[data-gentle-findings]")).ToContainTextAsync("This is about who your partner is");
        await Assertions.Expect(ana.Locator("[data-gentle-missing] li")).ToHaveCountAsync(3);
        Assert.EndsWith("/say-it-gently", ana.Url, StringComparison.Ordinal); // nothing was submitted
        await BrowserFixture.CaptureAsync(ana, "coach-harsh");

        await ana.GetByLabel("What would you like to say?").FillAsync("I feel lonely when we eat in front of our phones. Could we keep one dinner a week for us?");
        await Assertions.Expect(ana.Locator("[data-gentle-score]")).ToHaveTextAsync("Gentleness: 100 of 100");
        await Assertions.Expect(ana.Locator("[data-gentle-preview] mark")).ToHaveCountAsync(0);
        await Assertions.Expect(ana.Locator("[data-gentle-clean]")).ToBeVisibleAsync();

        // German words, dark scheme: for looking at.
        var german = await (await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(), Locale = "de-DE", ColorScheme = ColorScheme.Dark,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IgnoreHTTPSErrors = true,
            StorageState = await ben.Context.StorageStateAsync(),
        })).NewPageAsync();
        await german.GotoAsync("/say-it-gently");
        await german.GetByLabel("Was möchtest du sagen?").FillAsync("I'm sorry, but you need to calm down. Whatever.");
        await Assertions.Expect(german.Locator("[data-gentle-findings]")).ToContainTextAsync("Anweisung");
        await BrowserFixture.CaptureAsync(german, "coach-german-dark");
        await german.Context.CloseAsync();
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
