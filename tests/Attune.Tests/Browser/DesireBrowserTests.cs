using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>Ana switches desires on; each confirms 18+ and marks in private; both see only the wish they share.</summary>
public sealed class DesireBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Both_see_only_the_wish_they_both_marked_and_never_the_others_no()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");

        await ana.GotoAsync("/together");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Desires" }).ClickAsync();
        await BrowserFixture.CaptureAsync(ana, "desires-off");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Switch on desires for us" }).ClickAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Show me the list" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("Please confirm that you are 18 or older.").First).ToBeVisibleAsync();
        await ana.GetByLabel("I am 18 or older").CheckAsync();
        await BrowserFixture.CaptureAsync(ana, "desires-adult");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Show me the list" }).ClickAsync();
        await Mark(ana, "A slow dance in the kitchen", "Yes");
        await Mark(ana, "Flowers for no reason at all", "No");
        await Mark(ana, "Breakfast in bed", "Yes");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save my marks" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("no-matches")).ToBeVisibleAsync();

        // Ben's page asks for his own confirmation, then shows his own marks only.
        await ben.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await ben.GotoAsync("/desires");
        await ben.GetByLabel("I am 18 or older").CheckAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = "Show me the list" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Group, new() { Name = "Flowers for no reason at all" }).GetByLabel("Open", new() { Exact = true })).ToBeCheckedAsync();
        await Mark(ben, "A slow dance in the kitchen", "Maybe");
        await Mark(ben, "Flowers for no reason at all", "Yes");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Save my marks" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("matches")).ToHaveTextAsync("A slow dance in the kitchen");
        await BrowserFixture.CaptureAsync(ben, "desires-matches-dark");
        await AssertAccessibleAsync(ben); // the list and matches (AxeBrowserTests sees the page only switched off)

        await ana.ReloadAsync();
        await Assertions.Expect(ana.GetByTestId("matches")).ToHaveTextAsync("A slow dance in the kitchen");
        await BrowserFixture.CaptureAsync(ana, "desires-list");

        // Ben switches off: gone for both.
        await ben.GetByRole(AriaRole.Button, new() { Name = "Switch off" }).ClickAsync();
        await ana.ReloadAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Switch on desires for us" })).ToBeVisibleAsync();
        Assert.DoesNotContain("slow dance", await ana.ContentAsync(), StringComparison.Ordinal);
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await Axe.ByTagsAsync(page, Axe.WcagTags);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static Task Mark(IPage page, string wish, string mark) =>
        page.GetByRole(AriaRole.Group, new() { Name = wish }).GetByLabel(mark, new() { Exact = true }).CheckAsync();
}
