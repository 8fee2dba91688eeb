using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>Ana writes a letter to open together; Ben sees only that it waits; they press open on two devices and both read it.</summary>
public sealed class LetterBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task A_letter_written_to_open_together_opens_when_both_press_open_on_their_own_devices()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        const string words = "Ben, you make ordinary Tuesdays feel like a holiday.";

        await ana.GotoAsync("/together");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Write a love letter" }).ClickAsync();
        await ana.GetByLabel("Your letter").FillAsync(words);
        await ana.GetByLabel("Together: when we both press open within the same minute").CheckAsync();
        await BrowserFixture.CaptureAsync(ana, "letter-write");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Seal the letter" }).ClickAsync();
        await Assertions.Expect(ana).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/letters$"));

        await ben.GotoAsync("/today");
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "A letter is waiting for you" })).ToBeVisibleAsync();
        await ben.GetByRole(AriaRole.Link, new() { Name = "See your letters" }).ClickAsync();
        Assert.DoesNotContain("ordinary Tuesdays", await ben.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.CaptureAsync(ben, "letter-waiting");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Open together" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("letter-state")).ToContainTextAsync("You pressed open");
        Assert.DoesNotContain("ordinary Tuesdays", await ben.ContentAsync(), StringComparison.Ordinal);

        await ana.ReloadAsync();
        await Assertions.Expect(ana.GetByTestId("letter-state")).ToContainTextAsync("Your partner just pressed open");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Open together" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("letter-text")).ToHaveTextAsync(words);

        await ben.ReloadAsync();
        await ben.GetByRole(AriaRole.Link, new() { Name = "Read it aloud" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("letter-text")).ToHaveTextAsync(words);
        await BrowserFixture.CaptureAsync(ben, "letter-read-aloud");
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    [Fact]
    public async Task A_letter_written_to_open_together_opens_on_one_phone_when_the_writer_types_their_password_there()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        const string words = "Ben, I would choose you again on every ordinary morning.";
        await ana.GotoAsync("/letters/write");
        await ana.GetByLabel("Your letter").FillAsync(words);
        await ana.GetByLabel("Together: when we both press open within the same minute").CheckAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Seal the letter" }).ClickAsync();
        await Assertions.Expect(ana).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/letters$"));
        await ana.Context.CloseAsync();

        // Ana sits beside Ben: on his phone she types her own password.
        await ben.GotoAsync("/letters");
        await ben.GetByText("We're together on this phone").ClickAsync();
        await ben.GetByLabel("Your partner's password").FillAsync("not Ana's password");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Open it together here" }).ClickAsync();
        await Assertions.Expect(ben.GetByText("That password didn't match.", new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.DoesNotContain("ordinary morning", await ben.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.CaptureAsync(ben, "letter-together-here");
        await ben.GetByLabel("Your partner's password").FillAsync("a long enough passphrase");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Open it together here" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("letter-text")).ToHaveTextAsync(words);
        await ben.Context.CloseAsync();
    }
}
