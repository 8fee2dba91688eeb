using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>One partner keeps a private journal entry, shares a copy, and takes it back; the other sees only the copy, only while shared.</summary>
public sealed class JournalBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task A_journal_entry_stays_private_until_a_copy_is_shared_and_is_gone_again_when_withdrawn()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");

        await ana.GotoAsync("/me");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Feelings journal" }).ClickAsync();
        await ana.GetByRole(AriaRole.Link, new() { Name = "Write an entry" }).ClickAsync();
        await ana.GetByLabel("lonely", new() { Exact = true }).CheckAsync();
        await ana.GetByLabel("hopeful", new() { Exact = true }).CheckAsync();
        await ana.GetByLabel("4 · strongly").CheckAsync();
        await ana.GetByLabel("In your own words (optional)").FillAsync("I missed Ben at dinner <i>tonight</i>.");
        await BrowserFixture.CaptureAsync(ana, "journal-entry");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        await ana.WaitForLoadStateAsync();
        Assert.False(ana.Url.Contains("handler", StringComparison.Ordinal), await ana.ContentAsync());
        await Assertions.Expect(ana.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");

        await ben.GotoAsync("/journal/shared");
        await Assertions.Expect(ben.GetByText("Nothing shared yet")).ToBeVisibleAsync();
        Assert.DoesNotContain("missed Ben", await ben.ContentAsync(), StringComparison.Ordinal);

        await ana.GetByRole(AriaRole.Button, new() { Name = "Share a copy" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("share-state")).ToContainTextAsync("A copy is shared");
        await ben.ReloadAsync();
        await Assertions.Expect(ben.GetByText("I missed Ben at dinner <i>tonight</i>.")).ToBeVisibleAsync();
        await Assertions.Expect(ben.GetByText("Shared by your partner")).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(ben, "journal-shared-partner");

        await ana.GetByRole(AriaRole.Button, new() { Name = "Take the copy back" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("share-state")).ToContainTextAsync("Only if you want to");
        await ben.ReloadAsync();
        Assert.DoesNotContain("missed Ben", await ben.ContentAsync(), StringComparison.Ordinal);

        await ana.GotoAsync("/journal");
        await Assertions.Expect(ana.GetByText("I missed Ben at dinner <i>tonight</i>.")).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(ana, "journal-list");
        await ana.GetByLabel("Search your entries").FillAsync("dinner");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Entries with “dinner”" })).ToBeVisibleAsync();
        await ana.GotoAsync("/journal/mood");
        await Assertions.Expect(ana.GetByRole(AriaRole.Img, new() { Name = "Intensity of your entries by day" })).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator(".mood-table tbody tr")).ToHaveCountAsync(1);
        await BrowserFixture.CaptureAsync(ana, "journal-mood");

        // German, dark: the same pages in the other language and colour scheme, for looking at.
        var german = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(), Locale = "de-DE", ColorScheme = ColorScheme.Dark,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, StorageState = await ana.Context.StorageStateAsync(),
        });
        var anaDe = await german.NewPageAsync();
        await anaDe.GotoAsync("/journal/entry");
        await Assertions.Expect(anaDe.GetByRole(AriaRole.Heading, new() { Name = "Ein neuer Eintrag" })).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(anaDe, "journal-entry-de-dark");
        await anaDe.GotoAsync("/journal/mood");
        await BrowserFixture.CaptureAsync(anaDe, "journal-mood-de-dark");
        await german.CloseAsync();
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
