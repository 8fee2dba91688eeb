using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>A full pass-the-phone session on one 390 px phone, and a two-phone session where the second phone follows without a reload.</summary>
public sealed class ListeningBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task A_couple_passes_one_phone_through_a_whole_session()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        await ben.Context.CloseAsync();
        Assert.Equal(390, ana.ViewportSize!.Width);

        await ana.GotoAsync("/listening");
        await ana.GetByLabel("On this one phone (pass it back and forth)").CheckAsync();
        await ana.GetByLabel("I do").CheckAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("phase")).ToHaveTextAsync("Ana has the floor");
        await Assertions.Expect(ana.GetByRole(AriaRole.Timer)).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(ana, "listening-speaking");

        await ana.GetByRole(AriaRole.Button, new() { Name = "I've said it – your turn to reflect" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("phase")).ToHaveTextAsync("Ben, say back what you heard");
        await ana.GetByLabel("What I heard you say is …").FillAsync("You missed me this week.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "That's what I heard" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("reflection")).ToHaveTextAsync("You missed me this week.");
        await ana.GetByLabel("4 – mostly").CheckAsync();
        await BrowserFixture.CaptureAsync(ana, "listening-rating");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save how I felt" }).ClickAsync();

        await ana.GetByRole(AriaRole.Button, new() { Name = "Swap: Ben speaks now" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("phase")).ToHaveTextAsync("Ben has the floor");
        await ana.GetByRole(AriaRole.Button, new() { Name = "We need a break (20 minutes)" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("phase")).ToHaveTextAsync("Calm-down break");
        await BrowserFixture.CaptureAsync(ana, "listening-break");
        browser.App.Time.Advance(TimeSpan.FromMinutes(20));
        await ana.ReloadAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "We're back" }).ClickAsync();

        await ana.GetByRole(AriaRole.Button, new() { Name = "I've said it – your turn to reflect" }).ClickAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "That's what I heard" }).ClickAsync();
        await ana.GetByLabel("5 – completely").CheckAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save how I felt" }).ClickAsync();

        await ana.GetByLabel("Ana, one thing you appreciated in this talk").FillAsync("You stayed with me.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Share it" }).ClickAsync();
        await ana.GetByLabel("Ben, one thing you appreciated in this talk").FillAsync("You were honest.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Share it" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("appreciations")).ToContainTextAsync("You stayed with me.");
        await Assertions.Expect(ana.GetByTestId("appreciations")).ToContainTextAsync("You were honest.");
        await BrowserFixture.CaptureAsync(ana, "listening-ended");
        await ana.Context.CloseAsync();
    }

    [Fact]
    public async Task The_second_phone_follows_the_first_without_a_manual_reload()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        await ana.GotoAsync("/listening");
        await ben.GotoAsync("/listening");
        await ana.GetByLabel("Each on our own phone").CheckAsync();
        await ana.GetByLabel("I do").CheckAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();

        // Ben's page learns of the new session by polling.
        await Assertions.Expect(ben.GetByTestId("phase")).ToHaveTextAsync("Ana has the floor", new() { Timeout = 15000 });
        await Assertions.Expect(ben.GetByText("You are listening.", new() { Exact = false })).ToBeVisibleAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "I've said it – your turn to reflect" }).ClickAsync();
        await Assertions.Expect(ben.GetByLabel("What I heard you say is …")).ToBeVisibleAsync(new() { Timeout = 15000 });
        await BrowserFixture.CaptureAsync(ben, "listening-listener-follows");
        await ben.GetByLabel("What I heard you say is …").FillAsync("The week was long.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "That's what I heard" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("reflection")).ToHaveTextAsync("The week was long.", new() { Timeout = 15000 });
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
