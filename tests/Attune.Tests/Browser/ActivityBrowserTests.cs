using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// Two partners at 390 px: Ana asks for other suggestions (a plain link), adds one to the list and writes her own idea;
/// Ben plans a date for it and marks the other done with a memory, which both then find under Us.
/// </summary>
public sealed class ActivityBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Two_partners_pick_plan_and_remember_something_new()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");

        await ana.GotoAsync("/activities");
        await Assertions.Expect(ana.GetByText("Nothing on your list yet.", new() { Exact = false })).ToBeVisibleAsync();
        var suggestions = ana.GetByTestId("suggestions").Locator("h3");
        await Assertions.Expect(suggestions).ToHaveCountAsync(3);
        var first = await suggestions.AllTextContentsAsync();
        await BrowserFixture.CaptureAsync(ana, "activities-suggestions");

        await ana.GetByRole(AriaRole.Link, new() { Name = "Show me others" }).ClickAsync();
        await Assertions.Expect(ana).ToHaveURLAsync(new Regex("another=1$"));
        var others = await suggestions.AllTextContentsAsync();
        Assert.Empty(first.Intersect(others));

        var picked = others[0];
        await ana.GetByTestId("suggestions").Locator("li").First.GetByRole(AriaRole.Button, new() { Name = "Add to our list" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("to-try")).ToContainTextAsync(picked);
        await ana.GetByLabel("Your own idea").FillAsync("Breakfast on the balcony");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Add our idea" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("to-try")).ToContainTextAsync("Breakfast on the balcony");

        await ben.GotoAsync("/activities");
        var own = ben.GetByTestId("to-try").Locator("li").Filter(new() { HasText = "Breakfast on the balcony" });
        var day = DateOnly.FromDateTime(browser.App.Time.GetUtcNow().UtcDateTime).AddDays(3);
        await own.GetByLabel("Day").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await own.GetByLabel("Time (if you like)").FillAsync("10:00");
        await own.GetByRole(AriaRole.Button, new() { Name = "Plan it" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("to-try").Locator("li").Filter(new() { HasText = "Breakfast on the balcony" }).GetByTestId("planned"))
            .ToHaveTextAsync(new Regex($"Planned for .*{day.Day}.* at 10:00"));
        await BrowserFixture.CaptureAsync(ben, "activities-list");

        var idea = ben.GetByTestId("to-try").Locator("li").Filter(new() { HasText = picked });
        await idea.GetByText("We did it").ClickAsync();
        await idea.GetByLabel("A short memory (if you like)").FillAsync("We laughed the whole way home.");
        await idea.GetByRole(AriaRole.Button, new() { Name = "Keep it as a memory" }).ClickAsync();
        await Assertions.Expect(ben).ToHaveURLAsync(new Regex("/memories#m-[0-9a-f]+$"));
        await Assertions.Expect(ben.GetByTestId("memories")).ToContainTextAsync("We laughed the whole way home.");
        await BrowserFixture.CaptureAsync(ben, "activities-memories");

        await ana.GotoAsync("/us");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Things we tried" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("memories")).ToContainTextAsync(picked);
        await Assertions.Expect(ana.GetByTestId("memories")).ToContainTextAsync("We laughed the whole way home.");
        await ana.GotoAsync("/activities");
        await Assertions.Expect(ana.GetByTestId("to-try")).Not.ToContainTextAsync(picked);
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
