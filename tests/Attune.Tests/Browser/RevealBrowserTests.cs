using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>Two partners answer today's question in two browsers and see the reveal together.</summary>
public sealed class RevealBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Two_partners_answer_and_see_both_answers_only_after_both_answered()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");

        await ana.GotoAsync("/");
        await Assertions.Expect(ana).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/today$"));
        var question = await ana.Locator("#question").TextContentAsync();
        await ana.GetByLabel("Your answer").FillAsync("The sea in winter. <b>bold?</b>");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save my answer" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("partner-state")).ToContainTextAsync("When Ben answers");

        await ben.GotoAsync("/today");
        Assert.Equal(question, await ben.Locator("#question").TextContentAsync());
        await Assertions.Expect(ben.GetByTestId("partner-state")).ToContainTextAsync("Ana has answered");
        Assert.DoesNotContain("The sea in winter", await ben.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.CaptureAsync(ben, "today-before-answer");

        await ben.GetByLabel("Your answer").FillAsync("Your laugh when you are tired.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Save my answer" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("partner-answer")).ToHaveTextAsync("The sea in winter. <b>bold?</b>");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Thank you for trusting me with that" }).ClickAsync();

        await ana.ReloadAsync();
        await Assertions.Expect(ana.GetByTestId("partner-answer")).ToHaveTextAsync("Your laugh when you are tired.");
        await Assertions.Expect(ana.GetByText("Ben reacted to yours")).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(ana, "today-revealed");

        await ana.GotoAsync("/history");
        await Assertions.Expect(ana.GetByTestId("connected-days")).ToContainTextAsync("1 day");
        await Assertions.Expect(ana.GetByText("Your laugh when you are tired.")).ToBeVisibleAsync();
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
